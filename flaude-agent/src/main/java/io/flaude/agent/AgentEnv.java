package io.flaude.agent;

import io.flaude.agent.internal.AgentSecrets;
import io.flaude.fly.Guest;
import io.flaude.fly.MachineConfig;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The image's env contract: turns an {@link AgentConfig} into Fly's machine config (see docs/image.md). */
final class AgentEnv {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AgentEnv() {
    }

    /** The config, with the tokens as files holding the app secrets named by {@code secretsPrefix}. */
    static MachineConfig machineConfig(AgentConfig c, String secretsPrefix) {
        MachineConfig.Builder b = MachineConfig.builder(c.image()).env(c.env())
                .guest(new Guest(c.cpuKind(), c.cpus(), c.memoryMb())).restartPolicy("no")
                .autoDestroy(c.autoDestroy()).metadata(c.metadata())
                .env("CLAUDE_CODE_OAUTH_TOKEN_FILE", AgentSecrets.CLAUDE_FILE)
                .secretFile(AgentSecrets.CLAUDE_FILE, AgentSecrets.claude(secretsPrefix))
                .metadata(AgentSecrets.METADATA_PREFIX, secretsPrefix)
                .metadata(AgentSecrets.METADATA_CLAUDE_DIGEST,
                        AgentSecrets.digest(AgentSecrets.claude(secretsPrefix), c.claudeToken()))
                .env("FLAUDE_PROMPT", c.prompt())
                .env("FLAUDE_OUTPUT_FORMAT", c.outputFormat().wire())
                .metadata(AgentConfig.METADATA_MANAGED_BY, AgentConfig.MANAGED_BY_FLAUDE);
        if (c.githubUsername() != null) {
            b.env("GITHUB_USERNAME", c.githubUsername());
        }
        if (c.githubToken() != null) {
            b.env("GITHUB_TOKEN_FILE", AgentSecrets.GITHUB_FILE)
                    .secretFile(AgentSecrets.GITHUB_FILE, AgentSecrets.github(secretsPrefix))
                    .metadata(AgentSecrets.METADATA_GITHUB_DIGEST,
                            AgentSecrets.digest(AgentSecrets.github(secretsPrefix), c.githubToken()));
        }
        if (!c.repos().isEmpty()) {
            b.env("FLAUDE_REPOS", repos(c.repos()));
        }
        if (c.sessionId() != null) {
            b.env("FLAUDE_SESSION_ID", c.sessionId()).metadata(AgentConfig.METADATA_SESSION_ID, c.sessionId());
        }
        if (c.volumeId() != null) {
            b.env("FLAUDE_MOUNT_PATH", c.mountPath())
                    .env("CLAUDE_CONFIG_DIR", c.mountPath().replaceAll("/+$", "") + "/claude")
                    .mount(c.volumeId(), c.mountPath());
        }
        return b.build();
    }

    /** The app secrets {@link #machineConfig(AgentConfig, String)} reads. */
    static java.util.Map<String, String> secretValues(AgentConfig c, String secretsPrefix) {
        return AgentSecrets.values(secretsPrefix, c.claudeToken(), c.githubToken());
    }

    /** {@code FLAUDE_REPOS}: a JSON array of {@code {url, branch?, target_dir?}}. */
    static String repos(List<Repo> repos) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Repo r : repos) {
            ObjectNode o = array.addObject().put("url", r.url());
            if (r.branch() != null) {
                o.put("branch", r.branch());
            }
            if (r.targetDir() != null) {
                o.put("target_dir", r.targetDir());
            }
        }
        return MAPPER.writeValueAsString(array);
    }
}

package io.flaude.agent.internal;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.Repo;
import io.flaude.fly.Guest;
import io.flaude.fly.MachineConfig;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an {@link AgentConfig} into Fly's machine config: the image's env contract ({@link ImageContract}),
 * flaude's marks ({@link FlyMarks}), and the tokens as files holding the app secrets of a
 * {@link SecretScope}, never as values. Not API.
 */
public final class AgentMachineConfig {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AgentMachineConfig() {}

    /** The config, with the tokens as files holding the app secrets named by {@code secretsPrefix}. */
    public static MachineConfig of(AgentConfig c, String secretsPrefix) {
        MachineConfig.Builder b = MachineConfig.builder(c.image())
                .env(c.env())
                .guest(new Guest(c.cpuKind(), c.cpus(), c.memoryMb()))
                .restartPolicy("no")
                .autoDestroy(c.autoDestroy())
                .metadata(c.metadata())
                .env(ImageContract.CLAUDE_TOKEN_FILE, ImageContract.CLAUDE_FILE)
                .secretFile(ImageContract.CLAUDE_FILE, FlyMarks.claudeSecret(secretsPrefix))
                .metadata(FlyMarks.SECRETS_PREFIX, secretsPrefix)
                .metadata(
                        FlyMarks.CLAUDE_DIGEST,
                        AgentSecrets.digest(FlyMarks.claudeSecret(secretsPrefix), c.claudeToken()))
                .env(ImageContract.PROMPT, c.prompt())
                .env(ImageContract.OUTPUT_FORMAT, c.outputFormat().wire())
                .metadata(FlyMarks.MANAGED_BY, FlyMarks.FLAUDE);
        if (c.githubUsername() != null) {
            b.env(ImageContract.GITHUB_USERNAME, c.githubUsername());
        }
        if (c.githubToken() != null) {
            b.env(ImageContract.GITHUB_TOKEN_FILE, ImageContract.GITHUB_FILE)
                    .secretFile(ImageContract.GITHUB_FILE, FlyMarks.githubSecret(secretsPrefix))
                    .metadata(
                            FlyMarks.GITHUB_DIGEST,
                            AgentSecrets.digest(FlyMarks.githubSecret(secretsPrefix), c.githubToken()));
        }
        if (!c.repos().isEmpty()) {
            b.env(ImageContract.REPOS, repos(c.repos()));
        }
        if (c.sessionId() != null) {
            b.env(ImageContract.SESSION_ID, c.sessionId()).metadata(FlyMarks.SESSION_ID, c.sessionId());
        }
        if (c.volumeId() != null) {
            b.env(ImageContract.MOUNT_PATH, c.mountPath())
                    .env(ImageContract.CLAUDE_CONFIG_DIR, c.mountPath().replaceAll("/+$", "") + "/claude")
                    .mount(c.volumeId(), c.mountPath());
        }
        return b.build();
    }

    /** The app secrets {@link #of(AgentConfig, String)} reads. */
    public static Map<String, String> secretValues(AgentConfig c, String secretsPrefix) {
        return AgentSecrets.values(secretsPrefix, c.claudeToken(), c.githubToken());
    }

    /** {@code FLAUDE_REPOS}: a JSON array of {@code {url, branch?, target_dir?}}. */
    public static String repos(List<Repo> repos) {
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

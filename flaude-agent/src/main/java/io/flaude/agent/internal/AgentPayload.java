package io.flaude.agent.internal;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.Repo;
import io.flaude.fly.Guest;
import io.flaude.fly.MachineConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns an {@link AgentConfig} into Fly's machine config and the entrypoint's payload env. Not API. */
public final class AgentPayload {
    public static final String MANAGED_BY = "managed_by";
    public static final String MANAGED_BY_FLAUDE = "flaude";
    public static final String SESSION_ID = "session_id";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AgentPayload() {
    }

    public static MachineConfig machineConfig(AgentConfig c) {
        Map<String, String> env = new LinkedHashMap<>(c.env());
        env.put("CLAUDE_CODE_OAUTH_TOKEN", c.claudeToken());
        env.put("FLAUDE_PROMPT", c.prompt());
        if (c.githubUsername() != null) {
            env.put("GITHUB_USERNAME", c.githubUsername());
        }
        if (c.githubToken() != null) {
            env.put("GITHUB_TOKEN", c.githubToken());
        }
        if (!c.repos().isEmpty()) {
            env.put("FLAUDE_REPOS", repos(c.repos()));
        }
        env.put("FLAUDE_OUTPUT_FORMAT", c.outputFormat().wire());
        if (c.sessionId() != null) {
            env.put("FLAUDE_SESSION_ID", c.sessionId());
        }
        if (c.volumeId() != null) {
            env.put("FLAUDE_MOUNT_PATH", c.mountPath());
            env.put("CLAUDE_CONFIG_DIR", c.mountPath().replaceAll("/+$", "") + "/claude");
        }
        Map<String, String> metadata = new LinkedHashMap<>(c.metadata());
        metadata.put(MANAGED_BY, MANAGED_BY_FLAUDE);
        if (c.sessionId() != null) {
            metadata.put(SESSION_ID, c.sessionId());
        }
        List<MachineConfig.Mount> mounts = c.volumeId() == null ? List.of()
                : List.of(new MachineConfig.Mount(c.volumeId(), c.mountPath()));
        return new MachineConfig(c.image(), env, new Guest(c.cpuKind(), c.cpus(), c.memoryMb()), "no",
                c.autoDestroy(), metadata, mounts);
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

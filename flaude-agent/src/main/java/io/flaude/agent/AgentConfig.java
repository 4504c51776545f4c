package io.flaude.agent;

import io.flaude.agent.internal.FlyMarks;
import io.flaude.fly.FlyValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a machine running Claude Code needs: the image, the Claude token, GitHub credentials, the
 * prompt, the repos, the machine's size and region, and (for a session) the volume and session id.
 * Immutable; the builder copies every collection it is given, and {@link #toString()} hides the
 * tokens and extra env values. Runs and sessions turn it into Fly's machine config with the payload env
 * the image's entrypoint reads (see docs/image.md), the tokens delivered as app secrets.
 *
 * @param autoDestroy Fly destroys the machine when Claude exits (runs); sessions turn it off
 */
public record AgentConfig(
        String image,
        String claudeToken,
        String githubUsername,
        String githubToken,
        String prompt,
        List<Repo> repos,
        String region,
        String cpuKind,
        int cpus,
        int memoryMb,
        boolean autoDestroy,
        Map<String, String> env,
        Map<String, String> metadata,
        OutputFormat outputFormat,
        String volumeId,
        String mountPath,
        String sessionId) {

    /** The image flaude runs unless told otherwise; build your own with {@code flaude image build}. */
    public static final String DEFAULT_IMAGE = "ghcr.io/flaude-java/flaude-agent:0.1.0";

    public static final String DEFAULT_REGION = "iad";
    public static final String DEFAULT_MOUNT_PATH = "/data";
    /** The machine metadata key that marks flaude's machines; its value is {@value #MANAGED_BY_FLAUDE}. */
    public static final String METADATA_MANAGED_BY = FlyMarks.MANAGED_BY;

    public static final String MANAGED_BY_FLAUDE = FlyMarks.FLAUDE;
    /** The machine metadata key that names the session a machine belongs to. */
    public static final String METADATA_SESSION_ID = FlyMarks.SESSION_ID;

    public AgentConfig {
        repos = repos == null ? List.of() : List.copyOf(repos);
        env = env == null ? Map.of() : Map.copyOf(env);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (claudeToken == null || claudeToken.isBlank()) {
            throw new FlyValidationException("a Claude token is required (CLAUDE_CODE_OAUTH_TOKEN)");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new FlyValidationException("a prompt is required");
        }
        if (mountPath == null || !mountPath.startsWith("/")) {
            throw new FlyValidationException("the mount path must be absolute, got '" + mountPath + "'");
        }
        env.keySet().forEach(AgentConfig::requireEnvName);
        if (cpus < 1 || memoryMb < 256) {
            throw new FlyValidationException(
                    "a machine needs at least 1 CPU and 256 MB, got " + cpus + " and " + memoryMb);
        }
    }

    /** An env name: letters, digits and underscores, not starting with a digit. */
    static String requireEnvName(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new FlyValidationException("invalid env name '" + name + "': use letters, digits and _, "
                    + "not starting with a digit (KEY=VALUE)");
        }
        return name;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "AgentConfig[image=" + image + ", claudeToken=<hidden>, githubUsername=" + githubUsername
                + ", githubToken=" + (githubToken == null ? "null" : "<hidden>") + ", prompt=" + prompt
                + ", repos=" + repos + ", region=" + region + ", guest=" + cpus + "x" + cpuKind + "/" + memoryMb + "MB"
                + ", autoDestroy=" + autoDestroy + ", env=" + env.keySet() + " (values hidden), metadata=" + metadata
                + ", outputFormat=" + outputFormat + ", volumeId=" + volumeId + ", mountPath=" + mountPath
                + ", sessionId=" + sessionId + "]";
    }

    /** Builds an {@link AgentConfig}; defaults: the default image, iad, 2 shared CPUs, 4096 MB, auto-destroy, text. */
    public static final class Builder {
        private String image = DEFAULT_IMAGE;
        private String claudeToken;
        private String githubUsername;
        private String githubToken;
        private String prompt;
        private List<Repo> repos = List.of();
        private String region = DEFAULT_REGION;
        private String cpuKind = "shared";
        private int cpus = 2;
        private int memoryMb = 4096;
        private boolean autoDestroy = true;
        private Map<String, String> env = Map.of();
        private Map<String, String> metadata = Map.of();
        private OutputFormat outputFormat = OutputFormat.TEXT;
        private String volumeId;
        private String mountPath = DEFAULT_MOUNT_PATH;
        private String sessionId;

        private Builder() {}

        private Builder(AgentConfig c) {
            image = c.image;
            claudeToken = c.claudeToken;
            githubUsername = c.githubUsername;
            githubToken = c.githubToken;
            prompt = c.prompt;
            repos = c.repos;
            region = c.region;
            cpuKind = c.cpuKind;
            cpus = c.cpus;
            memoryMb = c.memoryMb;
            autoDestroy = c.autoDestroy;
            env = c.env;
            metadata = c.metadata;
            outputFormat = c.outputFormat;
            volumeId = c.volumeId;
            mountPath = c.mountPath;
            sessionId = c.sessionId;
        }

        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public Builder claudeToken(String claudeToken) {
            this.claudeToken = claudeToken;
            return this;
        }

        public Builder github(String username, String token) {
            this.githubUsername = username;
            this.githubToken = token;
            return this;
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder repos(List<Repo> repos) {
            this.repos = List.copyOf(repos);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** {@code shared} or {@code performance} CPUs, how many, and memory in MB. */
        public Builder guest(String cpuKind, int cpus, int memoryMb) {
            this.cpuKind = cpuKind;
            this.cpus = cpus;
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder autoDestroy(boolean autoDestroy) {
            this.autoDestroy = autoDestroy;
            return this;
        }

        /** Extra machine env; the payload variables flaude sets win over these. */
        public Builder env(Map<String, String> env) {
            this.env = new LinkedHashMap<>(env);
            return this;
        }

        /** Extra machine metadata; {@code managed_by} and {@code session_id} are flaude's. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = new LinkedHashMap<>(metadata);
            return this;
        }

        public Builder outputFormat(OutputFormat outputFormat) {
            this.outputFormat = outputFormat;
            return this;
        }

        /** Mounts this volume at {@code mountPath} (default {@code /data}). */
        public Builder volume(String volumeId, String mountPath) {
            this.volumeId = volumeId;
            this.mountPath = mountPath == null ? DEFAULT_MOUNT_PATH : mountPath;
            return this;
        }

        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        public AgentConfig build() {
            return new AgentConfig(
                    image,
                    claudeToken,
                    githubUsername,
                    githubToken,
                    prompt,
                    repos,
                    region,
                    cpuKind,
                    cpus,
                    memoryMb,
                    autoDestroy,
                    env,
                    metadata,
                    outputFormat,
                    volumeId,
                    mountPath,
                    sessionId);
        }
    }
}

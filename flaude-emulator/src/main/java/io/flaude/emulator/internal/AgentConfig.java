package io.flaude.emulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The simulated agent's settings, read from the machine env exactly as the flaude image's entrypoint
 * reads them (docs/image.md): required token and prompt ({@code <NAME>_FILE} variants included), output
 * format, session id, repos, mount and config dirs, plus the emulator's test knobs.
 */
record AgentConfig(
        String token,
        String githubToken,
        String prompt,
        String outputFormat,
        String sessionId,
        List<Repo> repos,
        String mountPath,
        String claudeConfigDir,
        String workspace,
        int exitCode,
        long sleepMillis,
        boolean crash,
        boolean fail,
        int ticks) {
    static final long DEFAULT_SLEEP_MILLIS = 20;
    private static final Set<String> FORMATS = Set.of("text", "json", "stream-json");
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** One entry of {@code FLAUDE_REPOS}; {@code dir} is relative to the workspace root. */
    record Repo(String url, String branch, String dir) {}

    /** A configuration the image refuses: it prints {@code [flaude:error] <message>} and exits 2. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static AgentConfig read(Map<String, String> env, GuestFs fs) throws Invalid {
        String token = fromFile(env, "CLAUDE_CODE_OAUTH_TOKEN", fs);
        String github = fromFile(env, "GITHUB_TOKEN", fs);
        String prompt = fromFile(env, "FLAUDE_PROMPT", fs);
        var missing = new ArrayList<String>();
        if (token.isEmpty()) {
            missing.add("CLAUDE_CODE_OAUTH_TOKEN");
        }
        if (prompt.isEmpty()) {
            missing.add("FLAUDE_PROMPT");
        }
        if (!missing.isEmpty()) {
            throw new Invalid("missing required environment: " + String.join(", ", missing));
        }
        String format = env.getOrDefault("FLAUDE_OUTPUT_FORMAT", "");
        format = format.isEmpty() ? "text" : format;
        if (!FORMATS.contains(format)) {
            throw new Invalid("FLAUDE_OUTPUT_FORMAT must be text, json or stream-json, not '" + format + "'");
        }
        String session = env.getOrDefault("FLAUDE_SESSION_ID", "");
        if (!session.isEmpty() && !SESSION_ID.matcher(session).matches()) {
            throw new Invalid("FLAUDE_SESSION_ID may hold only letters, digits, '.', '_' and '-'");
        }
        String configDir = env.getOrDefault("CLAUDE_CONFIG_DIR", "");
        String mount = env.getOrDefault("FLAUDE_MOUNT_PATH", "");
        if (mount.isEmpty()) {
            mount = configDir.isEmpty() ? "/data" : GuestFs.parent(configDir);
        }
        String workspace = env.getOrDefault("FLAUDE_WORKSPACE", "");
        return new AgentConfig(
                token,
                github,
                prompt,
                format,
                session.isEmpty() ? null : session,
                repos(env.get("FLAUDE_REPOS")),
                mount,
                configDir.isEmpty() ? null : configDir,
                workspace.isEmpty() ? "/workspace" : workspace,
                knob(env, "FLAUDE_EMULATOR_EXIT", 0),
                knob(env, "FLAUDE_EMULATOR_SLEEP_MS", DEFAULT_SLEEP_MILLIS),
                "1".equals(env.get("FLAUDE_EMULATOR_CRASH")),
                "1".equals(env.get("FLAUDE_EMULATOR_FAIL")),
                knob(env, "FLAUDE_EMULATOR_TICKS", 0));
    }

    /** {@code NAME}, else the contents of the file {@code NAME_FILE} names (trailing newlines dropped). */
    private static String fromFile(Map<String, String> env, String name, GuestFs fs) throws Invalid {
        String value = env.getOrDefault(name, "");
        String file = env.getOrDefault(name + "_FILE", "");
        if (!value.isEmpty() || file.isEmpty()) {
            return value;
        }
        try {
            Path path = fs.resolve(file);
            return Files.readString(path, StandardCharsets.UTF_8).replaceAll("\n+$", "");
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(name + "_FILE names a file that cannot be read: " + file);
        }
    }

    /** {@code FLAUDE_REPOS} under the image's rules: URL strings or {@code {url, branch?, target_dir?}}. */
    private static List<Repo> repos(String raw) throws Invalid {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        JsonNode array = Json.tryParse(raw);
        if (array == null || array.isNull()) {
            if (array == null) {
                throw new Invalid("FLAUDE_REPOS is invalid: not JSON");
            }
            return List.of();
        }
        if (!array.isArray()) {
            throw new Invalid("FLAUDE_REPOS is invalid: FLAUDE_REPOS must be a JSON array");
        }
        var repos = new ArrayList<Repo>();
        Set<String> dirs = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            JsonNode url = item.isString() ? item : item.path("url");
            if (!item.isString() && !item.isObject()) {
                throw new Invalid("FLAUDE_REPOS is invalid: FLAUDE_REPOS[" + i
                        + "] must be a URL string or an object with a url");
            }
            if (!url.isString() || url.stringValue().isEmpty()) {
                throw new Invalid("FLAUDE_REPOS is invalid: FLAUDE_REPOS[" + i + "] has no url");
            }
            String branch = item.path("branch").stringValue("");
            String dir = item.path("target_dir").stringValue("");
            dir = dir.isEmpty() ? repoName(url.stringValue()) : dir;
            dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
            String padded = "/" + dir + "/";
            if (padded.startsWith("//") || padded.contains("/../") || padded.contains("/./")) {
                throw new Invalid("repo directory '" + dir + "' for " + url.stringValue()
                        + " must be a relative path inside the workspace");
            }
            if (!dirs.add(dir)) {
                throw new Invalid("two repos would be cloned into '" + dir + "'");
            }
            repos.add(new Repo(url.stringValue(), branch.isEmpty() ? null : branch, dir));
        }
        return List.copyOf(repos);
    }

    /** The last path segment of a git URL without {@code .git}: {@code https://h/o/repo.git} is {@code repo}. */
    static String repoName(String url) {
        String s = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        s = s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
        s = s.substring(s.lastIndexOf('/') + 1);
        return s.substring(s.lastIndexOf(':') + 1);
    }

    private static int knob(Map<String, String> env, String name, int fallback) {
        return (int) knob(env, name, (long) fallback);
    }

    private static long knob(Map<String, String> env, String name, long fallback) {
        try {
            return Long.parseLong(env.getOrDefault(name, "").strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

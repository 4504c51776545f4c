package io.flaude.agent.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a run's or a session's tokens live: two Fly app secrets named for it ({@code FLAUDE_R_<id>_CLAUDE},
 * {@code FLAUDE_S_<id>_GITHUB}), each delivered to the machine as a file the entrypoint reads through
 * {@code <NAME>_FILE}. The machine config names the secrets and carries a digest of the tokens (so a
 * turn sees a rotated token without a request), never a token. Not API.
 */
public final class AgentSecrets {
    /** Machine metadata: the prefix of the secrets the machine reads. */
    public static final String METADATA_PREFIX = "flaude_secrets";
    /** Machine metadata: salted digests of the tokens set, to tell whether a turn's token is new. */
    public static final String METADATA_CLAUDE_DIGEST = "flaude_claude_digest";
    public static final String METADATA_GITHUB_DIGEST = "flaude_github_digest";
    public static final String CLAUDE_FILE = "/run/flaude/secrets/claude_token";
    public static final String GITHUB_FILE = "/run/flaude/secrets/github_token";
    /** The secrets flaude names: a run's or a session's prefix, then the token. */
    public static final Pattern NAME = Pattern.compile("(FLAUDE_[RS]_[0-9A-F]{16})_(CLAUDE|GITHUB)");

    private AgentSecrets() {
    }

    /** A fresh prefix for a one-shot run. */
    public static String forRun() {
        return "FLAUDE_R_" + hex16(UUID.randomUUID().toString());
    }

    /** The prefix of a session's secrets, from its id. */
    public static String forSession(String sessionId) {
        return "FLAUDE_S_" + hex16(sessionId);
    }

    private static String hex16(String uuid) {
        return uuid.replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }

    public static String claude(String prefix) {
        return prefix + "_CLAUDE";
    }

    public static String github(String prefix) {
        return prefix + "_GITHUB";
    }

    public static List<String> names(String prefix) {
        return List.of(claude(prefix), github(prefix));
    }

    /** The values to set: each token base64-encoded, as Fly writes a secret file base64-decoded. */
    public static Map<String, String> values(String prefix, String claudeToken, String githubToken) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(claude(prefix), base64(claudeToken));
        if (githubToken != null) {
            values.put(github(prefix), base64(githubToken));
        }
        return values;
    }

    /** A digest of one token salted with its secret's name: tells tokens apart, and gives none away. */
    public static String digest(String secretName, String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secretName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}

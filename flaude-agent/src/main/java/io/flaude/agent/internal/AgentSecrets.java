package io.flaude.agent.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's or a session's tokens as Fly app secrets ({@link FlyMarks} names them): the values to set, each
 * delivered to the machine as a file the entrypoint reads through {@code <NAME>_FILE}, and the salted
 * digests the machine's metadata carries (so a turn sees a rotated token without a request), never a
 * token. Not API.
 */
public final class AgentSecrets {
    private AgentSecrets() {}

    /** The values to set: each token base64-encoded, as Fly writes a secret file base64-decoded. */
    public static Map<String, String> values(String prefix, String claudeToken, String githubToken) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(FlyMarks.claudeSecret(prefix), base64(claudeToken));
        if (githubToken != null) {
            values.put(FlyMarks.githubSecret(prefix), base64(githubToken));
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

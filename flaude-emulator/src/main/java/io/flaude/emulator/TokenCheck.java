package io.flaude.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Fly's authentication as the emulator applies it: {@code Authorization: Bearer <token>} or
 * {@code FlyV1 <token>} (fly-go's form for macaroons). With a configured token the credentials must
 * equal it exactly; without one any non-empty credentials pass.
 */
final class TokenCheck {
    private static final List<String> SCHEMES = List.of("Bearer ", "FlyV1 ");

    /** The expected credentials, or null to accept any. */
    private final byte[] expected;

    TokenCheck(String configured) {
        String credentials = configured == null ? null : credentials(configured);
        this.expected = configured == null
                ? null
                : (credentials != null ? credentials : configured.strip()).getBytes(StandardCharsets.UTF_8);
    }

    boolean accepts(String authorization) {
        String credentials = authorization == null ? null : credentials(authorization);
        if (credentials == null || credentials.isEmpty()) {
            return false;
        }
        return expected == null || MessageDigest.isEqual(expected, credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** What follows a known scheme (case-insensitive), stripped; null when there is no known scheme. */
    private static String credentials(String header) {
        for (String scheme : SCHEMES) {
            if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return header.substring(scheme.length()).strip();
            }
        }
        return null;
    }
}

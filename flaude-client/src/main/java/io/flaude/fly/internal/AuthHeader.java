package io.flaude.fly.internal;

import java.util.List;

/**
 * Turns a Fly token into the {@code Authorization} header value the way Fly's own Go client does:
 * a value that already names its scheme is sent as is, macaroon tokens ({@code fm1r_}, {@code fm1a_},
 * {@code fm2_}) get {@code FlyV1}, anything else gets {@code Bearer}. Not API.
 */
public final class AuthHeader {
    private static final List<String> SCHEMES = List.of("FlyV1 ", "Bearer ");
    private static final List<String> MACAROON_PREFIXES = List.of("fm1r_", "fm1a_", "fm2_");

    private AuthHeader() {
    }

    public static String of(String token) {
        String t = token.strip();
        for (String scheme : SCHEMES) {
            if (t.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return t;
            }
        }
        for (String prefix : MACAROON_PREFIXES) {
            if (t.startsWith(prefix)) {
                return "FlyV1 " + t;
            }
        }
        return "Bearer " + t;
    }
}

package io.flaude.fly.internal;

import io.flaude.fly.FlyValidationException;
import java.util.List;

/**
 * Turns a Fly token into the {@code Authorization} header value the way Fly's own Go client does:
 * a value that already names its scheme is sent as is, macaroon tokens ({@code fm1r_}, {@code fm1a_},
 * {@code fm2_}) get {@code FlyV1}, anything else gets {@code Bearer}. Not API.
 */
public final class AuthHeader {
    private static final List<String> SCHEMES = List.of("FlyV1 ", "Bearer ");
    private static final List<String> MACAROON_PREFIXES = List.of("fm1r_", "fm1a_", "fm2_");

    private AuthHeader() {}

    /**
     * The header value; a token with a character a header cannot carry (a line break, a tab, DEL,
     * anything outside printable ASCII) is refused with a message that names its position, never the
     * token.
     */
    public static String of(String token) {
        String t = token.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new FlyValidationException("the Fly API token has a character a header cannot carry ("
                        + describe(c) + ") at position " + (i + 1) + " of " + t.length()
                        + "; the token is not shown. Check FLY_API_TOKEN or -t/--access-token for a stray line break");
            }
        }
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

    /** The token without a {@code FlyV1 }/{@code Bearer } scheme it names (what flyctl sends as the NATS password). */
    public static String withoutScheme(String token) {
        String t = token.strip();
        for (String scheme : SCHEMES) {
            if (t.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return t.substring(scheme.length()).strip();
            }
        }
        return t;
    }

    private static String describe(char c) {
        return switch (c) {
            case '\n' -> "a line feed";
            case '\r' -> "a carriage return";
            case '\t' -> "a tab";
            case 0x7f -> "DEL";
            default -> c < 0x20 ? "control character U+" + String.format("%04X", (int) c) : "a non-ASCII character";
        };
    }
}

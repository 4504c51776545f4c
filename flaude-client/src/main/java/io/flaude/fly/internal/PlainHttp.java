package io.flaude.fly.internal;

import io.flaude.fly.FlyValidationException;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses to send a token over plain {@code http://} to a host where someone on the path could read it:
 * anything but loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) and Fly's private API
 * host {@code _api.internal}, which is reached over the organization's WireGuard network. Not API.
 */
public final class PlainHttp {
    private PlainHttp() {}

    public static void refuse(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            return;
        }
        String host = host(uri);
        if (!trusted(host)) {
            throw new FlyValidationException("refusing to send the Fly API token over plain http:// to " + host
                    + "; use https://, or allow it for a network you trust (CLI: --allow-plain-http,"
                    + " FlyClient.builder().allowPlainHttp(true))");
        }
    }

    static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 || hostPort.endsWith("]") ? hostPort : hostPort.substring(0, colon);
    }

    static boolean trusted(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.equals("_api.internal")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }
}

package io.flaude.fly.internal;

import io.flaude.fly.FlyTransportException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The base URL requests go to, ending in an API prefix such as {@code /v1}. Fly's private API host {@code
 * _api.internal}
 * has an underscore, which {@link URI} treats as no host at all and the JDK HTTP client refuses; such
 * a host is resolved once, on first use, and requests go to its address. Not API.
 */
public final class BaseUrl {
    /** Resolves a host name to an address; the system resolver unless a test supplies another. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress resolve(String host) throws UnknownHostException;
    }

    private final String display;
    private final String host;
    private final String portSuffix;
    private final String scheme;
    private final String pathPrefix;
    private final Resolver resolver;
    private volatile String resolved;

    public BaseUrl(URI baseUri, String suffix, Resolver resolver) {
        this.display = baseUri.toString().replaceAll("/+$", "") + suffix;
        this.resolver = resolver;
        this.scheme = baseUri.getScheme();
        this.pathPrefix =
                (baseUri.getRawPath() == null ? "" : baseUri.getRawPath().replaceAll("/+$", "")) + suffix;
        if (baseUri.getHost() != null) {
            this.host = null;
            this.portSuffix = "";
            this.resolved = display;
        } else {
            String authority = baseUri.getRawAuthority();
            int colon = authority.lastIndexOf(':');
            this.host = colon < 0 ? authority : authority.substring(0, colon);
            this.portSuffix = colon < 0 ? "" : authority.substring(colon);
        }
    }

    /** The URL as configured, for messages and logs. */
    public String display() {
        return display;
    }

    /** The URL to send to: the configured one, or one with the underscore host resolved to its address. */
    public String forRequest(String method) {
        String r = resolved;
        if (r != null) {
            return r;
        }
        try {
            InetAddress address = resolver.resolve(host);
            String literal =
                    address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            r = scheme + "://" + literal + portSuffix + pathPrefix;
            resolved = r;
            return r;
        } catch (UnknownHostException e) {
            throw new FlyTransportException(
                    method,
                    display,
                    "cannot resolve " + host
                            + " (Fly's private API host is reachable only over WireGuard or from a Fly Machine)",
                    e,
                    false);
        }
    }
}

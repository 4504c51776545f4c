package io.flaude.fly;

import io.flaude.fly.internal.logs.DrainServer;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * An endpoint that receives an organization's log lines from Fly's log shipper (fly-log-shipper,
 * Vector's HTTP sink), started by {@link FlyClient#startLogDrain}: the lines it receives reach every
 * {@link Logs#follow} of this client at once, and are kept a while for a follow that begins later. It
 * takes Vector's JSON arrays, NDJSON and gzip, requires the bearer token, and is closed with the client.
 * Point the shipper at it with {@code HTTP_URL=<uri()>}, {@code HTTP_TOKEN=<token>}, and keep its
 * {@code SUBJECT} to the apps you follow ({@code logs.<app>.>}).
 */
public final class LogDrain implements AutoCloseable {
    private final DrainServer server;

    LogDrain(DrainServer server) {
        this.server = server;
    }

    /** Where the shipper should post, e.g. {@code http://127.0.0.1:8686/}. */
    public URI uri() {
        InetSocketAddress a = server.address();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /** Log events accepted so far. */
    public long eventsReceived() {
        return server.counters()[0];
    }

    /** Requests refused so far (no token, too large, not JSON). */
    public long requestsRefused() {
        return server.counters()[1];
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "LogDrain{" + uri() + "}";
    }
}

package io.flaude.fly.internal.logs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flaude.fly.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/**
 * An HTTP endpoint for Fly's log shipper (Vector's HTTP sink): {@code POST} with
 * {@code Authorization: Bearer <token>}, a body that is a JSON array of events (what Vector's json
 * codec posts), NDJSON, or one event, optionally gzip-compressed. Answers 200 when read, 401 without
 * the token, 413 beyond {@link #MAX_BODY} (compressed or not), 400 when nothing in it is JSON, 405 for
 * other methods. Vector retries 5xx and 429 and drops other 4xx, so nothing here answers 5xx for a bad
 * body.
 */
public final class DrainServer implements AutoCloseable {
    /** Vector flushes a batch at 10 MB; a little more is allowed. */
    public static final int MAX_BODY = 16 * 1024 * 1024;
    /** How much of a body too large is still read (and dropped) before the answer. */
    static final long DISCARD_MAX = 64L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final byte[] expected;
    private final Consumer<List<JsonNode>> sink;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public DrainServer(InetSocketAddress bind, String token, Consumer<List<JsonNode>> sink) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.sink = sink;
        try {
            server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + bind, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Events accepted so far, and requests refused. */
    public long[] counters() {
        return new long[] {events.get(), refused.get()};
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                answer(exchange, 405, "POST log events here");
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !MessageDigest.isEqual(expected, auth.strip().getBytes(StandardCharsets.UTF_8))) {
                answer(exchange, 401, "a bearer token is required");
                return;
            }
            byte[] body = limited(exchange.getRequestBody());
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if (body != null && encoding != null && encoding.strip().equalsIgnoreCase("gzip")) {
                try {
                    body = limited(new GZIPInputStream(new java.io.ByteArrayInputStream(body)));
                } catch (IOException e) {
                    answer(exchange, 400, "the body is not gzip");
                    return;
                }
            } else if (encoding != null
                    && !encoding.isBlank()
                    && !encoding.strip().equalsIgnoreCase("identity")) {
                answer(exchange, 415, "unsupported Content-Encoding: use gzip or none");
                return;
            }
            if (body == null) {
                answer(exchange, 413, "the body is larger than " + MAX_BODY + " bytes");
                return;
            }
            List<JsonNode> parsed = parse(new String(body, StandardCharsets.UTF_8));
            if (parsed == null) {
                answer(exchange, 400, "the body is not JSON: post an array of events or NDJSON");
                return;
            }
            events.addAndGet(parsed.size());
            sink.accept(parsed);
            answer(exchange, 200, "");
        } catch (RuntimeException e) {
            refused.incrementAndGet();
            throw e;
        }
    }

    private void answer(HttpExchange exchange, int status, String text) throws IOException {
        if (status != 200) {
            refused.incrementAndGet();
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /**
     * The whole stream, or null when it is larger than {@link #MAX_BODY}. The rest of a body too large is
     * read and dropped (up to {@link #DISCARD_MAX}), so the sender gets its 413 instead of a reset
     * connection.
     */
    private static byte[] limited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > MAX_BODY) {
                while (total <= DISCARD_MAX && (n = in.read(buffer)) >= 0) {
                    total += n;
                }
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** An array, one object, or NDJSON (unparseable lines skipped); null when no part is JSON. */
    static List<JsonNode> parse(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        JsonNode whole = text.startsWith("[") || !text.contains("\n") ? Json.parseOrNull(text) : null;
        if (whole != null && whole.isArray()) {
            List<JsonNode> out = new ArrayList<>();
            whole.forEach(out::add);
            return out;
        }
        if (whole != null && whole.isObject()) {
            return List.of(whole);
        }
        List<JsonNode> out = new ArrayList<>();
        boolean any = false;
        for (String line : text.split("\n")) {
            JsonNode node = Json.parseOrNull(line);
            if (node != null) {
                any = true;
                if (node.isObject()) {
                    out.add(node);
                }
            }
        }
        return any ? out : null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

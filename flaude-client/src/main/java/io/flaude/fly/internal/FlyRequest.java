package io.flaude.fly.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One call to the Machines API (or the logs API beside it): method, path, query parameters in order,
 * an optional JSON body and headers, and how much longer than the client's request timeout the answer
 * may take (a long-poll's own timeout). Not API.
 *
 * @param longPoll extra time the server may hold the answer ({@link Duration#ZERO} for ordinary calls)
 * @param repeatable a POST that may be repeated without a second effect (stop, start)
 */
public record FlyRequest(
        String method,
        String path,
        Map<String, String> query,
        JsonNode body,
        Map<String, String> headers,
        boolean logsApi,
        Duration longPoll,
        boolean repeatable) {

    public static FlyRequest get(String path) {
        return of("GET", path, null);
    }

    public static FlyRequest delete(String path) {
        return of("DELETE", path, null);
    }

    public static FlyRequest post(String path, JsonNode body) {
        return of("POST", path, body);
    }

    public static FlyRequest put(String path, JsonNode body) {
        return of("PUT", path, body);
    }

    /** A GET to Fly's logs API ({@code /api/v1}), which lives beside the Machines API. */
    public static FlyRequest logs(String path) {
        return new FlyRequest("GET", path, Map.of(), null, Map.of(), true, Duration.ZERO, false);
    }

    private static FlyRequest of(String method, String path, JsonNode body) {
        return new FlyRequest(method, path, Map.of(), body, Map.of(), false, Duration.ZERO, false);
    }

    /** The same request with one more query parameter. */
    public FlyRequest withQuery(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, value);
        return new FlyRequest(method, path, q, body, headers, logsApi, longPoll, repeatable);
    }

    /** The same request with one more header ({@code null} value: unchanged). */
    public FlyRequest withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FlyRequest(method, path, query, body, h, logsApi, longPoll, repeatable);
    }

    /** The same request, whose answer the server may hold for {@code extra} before answering. */
    public FlyRequest withLongPoll(Duration extra) {
        return new FlyRequest(method, path, query, body, headers, logsApi, extra, repeatable);
    }

    /** The same POST, marked safe to repeat: doing it twice has the effect of doing it once. */
    public FlyRequest asRepeatable() {
        return new FlyRequest(method, path, query, body, headers, logsApi, longPoll, true);
    }

    /** POST creates unless marked {@link #asRepeatable()}; every other verb may be repeated without a second effect. */
    public boolean idempotent() {
        return repeatable || !"POST".equals(method);
    }
}

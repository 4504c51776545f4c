package io.flaude.fly.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One call to the Machines API: method, path under {@code /v1}, query parameters in order, an
 * optional JSON body. Not API.
 */
public record FlyRequest(String method, String path, Map<String, String> query, JsonNode body,
                         Map<String, String> headers, boolean logsApi) {

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
        return new FlyRequest("GET", path, Map.of(), null, Map.of(), true);
    }

    private static FlyRequest of(String method, String path, JsonNode body) {
        return new FlyRequest(method, path, Map.of(), body, Map.of(), false);
    }

    /** The same request with one more query parameter. */
    public FlyRequest withQuery(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, value);
        return new FlyRequest(method, path, q, body, headers, logsApi);
    }

    /** The same request with one more header ({@code null} value: unchanged). */
    public FlyRequest withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FlyRequest(method, path, query, body, h, logsApi);
    }

    /** POST creates; every other verb may be repeated without a second effect. */
    public boolean idempotent() {
        return !"POST".equals(method);
    }
}

package io.flaude.fly.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One call to the Machines API: method, path under {@code /v1}, query parameters in order, an
 * optional JSON body. Not API.
 */
public record FlyRequest(String method, String path, Map<String, String> query, JsonNode body) {

    public static FlyRequest get(String path) {
        return new FlyRequest("GET", path, Map.of(), null);
    }

    public static FlyRequest delete(String path) {
        return new FlyRequest("DELETE", path, Map.of(), null);
    }

    public static FlyRequest post(String path, JsonNode body) {
        return new FlyRequest("POST", path, Map.of(), body);
    }

    public static FlyRequest put(String path, JsonNode body) {
        return new FlyRequest("PUT", path, Map.of(), body);
    }

    /** The same request with one more query parameter. */
    public FlyRequest withQuery(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, value);
        return new FlyRequest(method, path, q, body);
    }

    /** POST creates; every other verb may be repeated without a second effect. */
    public boolean idempotent() {
        return !"POST".equals(method);
    }
}

package io.flaude.emulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One answer of the emulated API, before transport headers are added.
 *
 * @param status the HTTP status
 * @param body the JSON body, or {@code null} when there is none
 * @param headers extra response headers, lower-case names
 */
public record ApiResponse(int status, String body, Map<String, String> headers) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A response with this JSON body (an empty string means no body). */
    public static ApiResponse json(int status, String body) {
        return new ApiResponse(status, body == null || body.isEmpty() ? null : body, Map.of());
    }

    /** A Fly error body: {@code {"error": message}}. */
    public static ApiResponse error(int status, String message) {
        ObjectNode body = Json.object().put("error", message);
        return of(status, body);
    }

    static ApiResponse of(int status, JsonNode body) {
        return json(status, Json.write(body));
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, null, Map.of());
    }

    /** The same answer with one more header. */
    public ApiResponse withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, more);
    }
}

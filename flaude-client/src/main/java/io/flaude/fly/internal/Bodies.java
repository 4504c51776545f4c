package io.flaude.fly.internal;

import io.flaude.fly.FlyInvalidResponseException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a 2xx answer holds what its endpoint returns; anything else is an
 * {@link FlyInvalidResponseException} naming the endpoint, never a silent default. Not API.
 */
public final class Bodies {
    private Bodies() {}

    /** The body as a non-empty JSON object. */
    public static JsonNode object(FlyResponse r, String endpoint) {
        JsonNode body = Json.parseOrNull(r.body());
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw invalid(r, endpoint, null);
        }
        return body;
    }

    /** The body as a JSON array; an empty body is an empty list. */
    public static Iterable<JsonNode> array(FlyResponse r, String endpoint) {
        if (r.body() == null || r.body().isBlank()) {
            return List.of();
        }
        JsonNode body = Json.parseOrNull(r.body());
        if (body == null || !body.isArray()) {
            throw invalid(r, endpoint, "expected a JSON array");
        }
        return body;
    }

    public static FlyInvalidResponseException invalid(FlyResponse r, String endpoint, String why) {
        String detail = "Empty or invalid response from " + endpoint + " endpoint" + (why == null ? "" : ": " + why);
        return new FlyInvalidResponseException(r.status(), r.method(), r.url(), r.requestId(), detail);
    }
}

package io.flaude.emulator.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed reads from a JSON request object. As on Fly, JSON {@code null} means the same as a missing
 * field, unknown fields are ignored, and a field of the wrong type is a 400.
 */
final class RequestBody {
    private final ObjectNode node;

    private RequestBody(ObjectNode node) {
        this.node = node;
    }

    static RequestBody parse(String raw) {
        return new RequestBody(Json.parseObject(raw));
    }

    /** Like {@link #parse}, but no body at all (or only whitespace) reads as an empty object. */
    static RequestBody parseOptional(String raw) {
        return raw == null || raw.isBlank() ? new RequestBody(Json.object()) : parse(raw);
    }

    /** The value as sent, or null when absent or JSON null. */
    JsonNode node(String field) {
        return present(field);
    }

    /** The string value, or null when absent. */
    String string(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw ApiError.invalid(field + " must be a string");
        }
        return value.stringValue();
    }

    /** The string value, or null when absent or empty (Go clients send "" for unset strings). */
    String nonEmptyString(String field) {
        String value = string(field);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The integer value, or null when absent. */
    Integer integer(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiError.invalid(field + " must be an integer");
        }
        return value.intValue();
    }

    /** The boolean value, or null when absent. */
    Boolean bool(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiError.invalid(field + " must be a boolean");
        }
        return value.booleanValue();
    }

    private JsonNode present(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }
}

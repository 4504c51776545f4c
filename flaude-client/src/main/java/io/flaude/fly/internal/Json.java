package io.flaude.fly.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The client's JSON codec: one immutable mapper and tolerant readers for Fly's fields. Not API. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** A new empty object whose fields serialize in insertion order. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Parses {@code text}, or returns {@code null} when it is blank or not JSON. */
    public static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A string field; {@code fallback} when absent, null or not a string. */
    public static String string(JsonNode node, String field, String fallback) {
        JsonNode v = node.path(field);
        return v.isString() ? v.stringValue() : fallback;
    }

    /** A whole-number field; {@code null} when absent, null or not a number. */
    public static Long number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asLong() : null;
    }

    public static Integer integer(JsonNode node, String field) {
        Long v = number(node, field);
        return v == null ? null : (int) (long) v;
    }

    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? v.asBoolean() : null;
    }

    /** An RFC 3339 time, or epoch milliseconds; {@code null} when absent or unreadable. */
    public static Instant instant(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (!v.isString()) {
            return null;
        }
        try {
            return Instant.parse(v.stringValue());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(v.stringValue()).toInstant();
            } catch (DateTimeParseException notAnOffsetEither) {
                return null;
            }
        }
    }
}

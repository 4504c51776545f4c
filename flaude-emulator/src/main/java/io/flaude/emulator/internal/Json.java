package io.flaude.emulator.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The emulator's one JSON mapper: building, writing and strictly parsing trees. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Parses one JSON value, or returns null when the text is not JSON. */
    static JsonNode tryParse(String raw) {
        try {
            return MAPPER.readTree(raw);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Parses a request body that must be one JSON object; anything else is a 400. */
    static ObjectNode parseObject(String raw) {
        JsonNode node;
        try {
            node = MAPPER.readTree(raw);
        } catch (JacksonException e) {
            throw ApiError.invalid("request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalid("request body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}

package io.flaude.fly.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fly's official OpenAPI document (a verbatim copy in test resources, see its SOURCE.txt) and a
 * JSON-schema validator (networknt, OpenAPI 3.0 dialect) over its schemas.
 */
final class OpenApiSpec {
    private static final String IRI = "https://api.machines.dev/openapi.json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JsonNode root;
    private final SchemaRegistry registry;

    OpenApiSpec() {
        String text = resource("/fly-openapi/openapi.json");
        this.root = MAPPER.readTree(text);
        this.registry = SchemaRegistry.withDefaultDialect(OpenApi30.getInstance(), b -> b.schemas(Map.of(IRI, text)));
    }

    /** The operation that serves {@code method path}, if the spec documents it. */
    Optional<Operation> operation(String method, String path) {
        for (var entry : root.path("paths").properties()) {
            String regex = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            JsonNode op = entry.getValue().path(method.toLowerCase());
            if (Pattern.matches(regex, path) && op.isObject()) {
                return Optional.of(new Operation(entry.getKey(), op));
            }
        }
        return Optional.empty();
    }

    /** The schema of a named component, e.g. {@code Volume}. */
    Schema component(String name) {
        return schema(MAPPER.readTree("{\"$ref\":\"#/components/schemas/" + name + "\"}"));
    }

    /** Errors of {@code value} against {@code schema}; JSON nulls count as absent (see class doc). */
    List<Error> validate(Schema schema, JsonNode value) {
        return schema.validate(withoutNulls(value));
    }

    /** A schema node from the spec, its local references made absolute so they resolve into the spec. */
    Schema schema(JsonNode node) {
        return registry.getSchema(absolute(node.deepCopy()));
    }

    private static JsonNode absolute(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isString() && ref.stringValue().startsWith("#")) {
                o.put("$ref", IRI + ref.stringValue());
            }
            o.properties().forEach(e -> absolute(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(OpenApiSpec::absolute);
        }
        return node;
    }

    /**
     * Fly sends {@code null} for absent optional fields (e.g. {@code attached_machine_id} of an
     * unattached volume, as its docs show), which an OpenAPI 3.0 schema without {@code nullable}
     * cannot express; nulls are therefore removed before validation.
     */
    static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.properties().removeIf(e -> e.getValue().isNull());
            o.properties().forEach(e -> strip(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(OpenApiSpec::strip);
        }
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One documented operation: its path template and its spec node. */
    record Operation(String template, JsonNode node) {
        String id() {
            return node.path("operationId").asString("?");
        }

        Optional<JsonNode> requestSchema() {
            return present(node.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
        }

        /** The documented schema for {@code status}, if the spec gives one for it. */
        Optional<JsonNode> responseSchema(int status) {
            return present(node.path("responses")
                    .path(Integer.toString(status))
                    .path("content")
                    .path("application/json")
                    .path("schema"));
        }

        boolean documents(int status) {
            return node.path("responses").has(Integer.toString(status));
        }

        private static Optional<JsonNode> present(JsonNode n) {
            return n.isMissingNode() ? Optional.empty() : Optional.of(n);
        }
    }
}

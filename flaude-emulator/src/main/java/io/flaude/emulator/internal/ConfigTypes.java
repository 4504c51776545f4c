package io.flaude.emulator.internal;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON types of the machine config fields Fly's Go decoder checks, and the values Fly refuses.
 * A wrong type is a 400 worded as Go's decoder words it
 * ({@code json: cannot unmarshal string into Go struct field config.guest.cpus of type int}); a value
 * out of range is a 400 {@code invalid_argument}. Fields not listed are kept as sent.
 */
final class ConfigTypes {
    private enum Type {
        INT,
        BOOL,
        STRING,
        OBJECT,
        STRINGS,
        ARRAY
    }

    private static final Map<String, Type> FIELDS = Map.ofEntries(
            Map.entry("image", Type.STRING),
            Map.entry("auto_destroy", Type.BOOL),
            Map.entry("schedule", Type.STRING),
            Map.entry("size", Type.STRING),
            Map.entry("guest", Type.OBJECT),
            Map.entry("guest.cpus", Type.INT),
            Map.entry("guest.memory_mb", Type.INT),
            Map.entry("guest.cpu_kind", Type.STRING),
            Map.entry("guest.gpus", Type.INT),
            Map.entry("guest.gpu_kind", Type.STRING),
            Map.entry("guest.kernel_args", Type.STRINGS),
            Map.entry("restart", Type.OBJECT),
            Map.entry("restart.policy", Type.STRING),
            Map.entry("restart.max_retries", Type.INT),
            Map.entry("init", Type.OBJECT),
            Map.entry("init.exec", Type.STRINGS),
            Map.entry("init.entrypoint", Type.STRINGS),
            Map.entry("init.cmd", Type.STRINGS),
            Map.entry("init.tty", Type.BOOL),
            Map.entry("init.swap_size_mb", Type.INT),
            Map.entry("stop_config", Type.OBJECT),
            Map.entry("stop_config.signal", Type.STRING),
            Map.entry("services", Type.ARRAY),
            Map.entry("processes", Type.ARRAY),
            Map.entry("checks", Type.OBJECT),
            Map.entry("dns", Type.OBJECT),
            Map.entry("statics", Type.ARRAY),
            Map.entry("metrics", Type.OBJECT));

    private static final Set<String> RESTART_POLICIES = Set.of("no", "always", "on-failure", "spot-price");
    private static final Set<String> CPU_KINDS = Set.of("shared", "performance");

    private ConfigTypes() {}

    /** Refuses a config whose listed fields have the wrong JSON type or a value Fly refuses. */
    static void check(ObjectNode config) {
        FIELDS.forEach((path, type) -> {
            JsonNode value = at(config, path);
            if (value != null && !matches(value, type)) {
                throw ApiError.invalid("json: cannot unmarshal " + jsonType(value) + " into Go struct field config."
                        + path + " of type " + goType(type));
            }
        });
        JsonNode policy = at(config, "restart.policy");
        if (policy != null && !RESTART_POLICIES.contains(policy.stringValue())) {
            throw ApiError.invalid("invalid_argument: restart policy '" + policy.stringValue()
                    + "' is not one of no, always, on-failure, spot-price");
        }
        JsonNode kind = at(config, "guest.cpu_kind");
        if (kind != null && !CPU_KINDS.contains(kind.stringValue())) {
            throw ApiError.invalid(
                    "invalid_argument: cpu_kind '" + kind.stringValue() + "' is not shared or performance");
        }
        positive(config, "guest.cpus");
        positive(config, "guest.memory_mb");
        JsonNode retries = at(config, "restart.max_retries");
        if (retries != null && retries.asLong() < 0) {
            throw ApiError.invalid("invalid_argument: restart.max_retries must not be negative");
        }
    }

    /** Fly's defaults, as a machine read back shows them: a shared 1x256 guest, an empty init, restart on failure. */
    static void fillDefaults(ObjectNode config) {
        ObjectNode guest = config.has("guest") ? (ObjectNode) config.get("guest") : config.putObject("guest");
        if (!guest.has("cpu_kind")) {
            guest.put("cpu_kind", "shared");
        }
        if (!guest.has("cpus")) {
            guest.put("cpus", 1);
        }
        if (!guest.has("memory_mb")) {
            guest.put("memory_mb", 256);
        }
        if (!config.has("init")) {
            config.putObject("init");
        }
        if (!config.has("restart")) {
            config.putObject("restart").put("policy", "on-failure").put("max_retries", 10);
        }
    }

    private static void positive(ObjectNode config, String path) {
        JsonNode value = at(config, path);
        if (value != null && value.asLong() <= 0) {
            throw ApiError.invalid("invalid_argument: " + path + " must be positive, got " + value.asLong());
        }
    }

    private static JsonNode at(JsonNode config, String path) {
        JsonNode node = config;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    private static boolean matches(JsonNode value, Type type) {
        return switch (type) {
            case INT -> value.isIntegralNumber();
            case BOOL -> value.isBoolean();
            case STRING -> value.isString();
            case OBJECT -> value.isObject();
            case ARRAY -> value.isArray();
            case STRINGS -> {
                if (!value.isArray()) {
                    yield false;
                }
                boolean all = true;
                for (JsonNode item : value) {
                    all &= item.isString();
                }
                yield all;
            }
        };
    }

    private static String jsonType(JsonNode value) {
        if (value.isString()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return value.isArray() ? "array" : "object";
    }

    private static String goType(Type type) {
        return switch (type) {
            case INT -> "int";
            case BOOL -> "bool";
            case STRING -> "string";
            case OBJECT -> "struct";
            case STRINGS -> "[]string";
            case ARRAY -> "[]struct";
        };
    }
}

package io.flaude.emulator.internal;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A machine's metadata on its own: read it, replace or merge it, and set, read or delete one key.
 * It is the config's {@code metadata}; changing it makes no new version (our choice: unverified).
 */
final class MachineMetadata {
    private static final String PATH = MachineRoutes.MACHINE + "/metadata";

    private final Store store;

    MachineMetadata(Store store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", PATH, "Machines_show_metadata", this::show);
        router.add("PATCH", PATH, "Machines_update_metadata", r -> update(r, true));
        router.add("PUT", PATH, "Machines_update_metadata_deprecated", r -> update(r, false));
        router.add("GET", PATH + "/{key}", "Machines_get_metadata_key", this::getKey);
        router.add("POST", PATH + "/{key}", "Machines_upsert_metadata", this::upsert);
        router.add("DELETE", PATH + "/{key}", "Machines_delete_metadata", this::deleteKey);
    }

    /** 200: the metadata as a string map. */
    private ApiResponse show(ApiRequest request) {
        return store.locked(() -> ApiResponse.of(200, metadata(machine(request))));
    }

    /**
     * 204. {@code {"metadata": {...}, "machine_version"?}}: PATCH merges the keys given, PUT replaces
     * them all; a {@code machine_version} that is not the current one is 412.
     */
    private ApiResponse update(ApiRequest request, boolean merge) {
        RequestBody body = request.body();
        JsonNode given = body.node("metadata");
        if (given == null || !given.isObject()) {
            throw ApiError.invalid("metadata must be an object of strings");
        }
        given.properties().forEach(e -> requireString(e.getKey(), e.getValue()));
        String version = body.nonEmptyString("machine_version");
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            MachineRecord m = store.machine(app, request.param("machine_id"));
            MachineRoutes.requireNotDestroyed(m);
            if (version != null && !version.equals(m.version())) {
                throw ApiError.of(
                        412, "failed_precondition: machine_version " + version + " is not the current version");
            }
            ObjectNode next = merge ? metadata(m) : Json.object();
            given.properties().forEach(e -> next.put(e.getKey(), e.getValue().stringValue()));
            save(app, m, next);
            return ApiResponse.empty(204);
        });
    }

    /** 200 {@code {"value"}}, or 404 when the key is not set. */
    private ApiResponse getKey(ApiRequest request) {
        return store.locked(() -> {
            JsonNode value = metadata(machine(request)).get(request.param("key"));
            if (value == null) {
                throw ApiError.of(404, "not_found: metadata key " + request.param("key") + " not found");
            }
            return ApiResponse.of(200, Json.object().put("value", value.stringValue()));
        });
    }

    /** 204: sets one key from {@code {"value"}}. */
    private ApiResponse upsert(ApiRequest request) {
        JsonNode value = request.body().node("value");
        requireString("value", value == null ? Json.object() : value);
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            MachineRecord m = store.machine(app, request.param("machine_id"));
            MachineRoutes.requireNotDestroyed(m);
            save(app, m, metadata(m).put(request.param("key"), value.stringValue()));
            return ApiResponse.empty(204);
        });
    }

    /** 204, whether or not the key was set. */
    private ApiResponse deleteKey(ApiRequest request) {
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            MachineRecord m = store.machine(app, request.param("machine_id"));
            MachineRoutes.requireNotDestroyed(m);
            ObjectNode next = metadata(m);
            next.remove(request.param("key"));
            save(app, m, next);
            return ApiResponse.empty(204);
        });
    }

    private MachineRecord machine(ApiRequest request) {
        return store.machine(request.param("app_name"), request.param("machine_id"));
    }

    private void save(String app, MachineRecord m, ObjectNode metadata) {
        ObjectNode config = m.config().deepCopy();
        config.set("metadata", metadata);
        store.putMachine(app, m.withMetadata(config, Instant.now()));
    }

    private static ObjectNode metadata(MachineRecord m) {
        JsonNode metadata = m.config().get("metadata");
        return metadata != null && metadata.isObject() ? ((ObjectNode) metadata).deepCopy() : Json.object();
    }

    private static void requireString(String key, JsonNode value) {
        if (!value.isString()) {
            throw ApiError.invalid(
                    "json: cannot unmarshal " + (value.isNumber() ? "number" : value.isBoolean() ? "bool" : "object")
                            + " into Go value of type string (" + key + ")");
        }
    }
}

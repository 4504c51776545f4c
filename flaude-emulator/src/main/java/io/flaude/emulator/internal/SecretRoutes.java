package io.flaude.emulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * App secrets (SPEC {@code Secrets_*}): list, set and unset many at once, set, read and delete one.
 * No answer ever carries a value ({@code show_secrets} is ignored): Fly's vault does not give them
 * back, and machines get them only at boot, as env or as files.
 */
final class SecretRoutes {
    private static final String SECRETS = "/v1/apps/{app_name}/secrets";

    private final Store store;

    SecretRoutes(Store store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", SECRETS, "Secrets_list", this::list);
        router.add("POST", SECRETS, "Secrets_update", this::update);
        router.add("GET", SECRETS + "/{secret_name}", "Secret_get", this::get);
        router.add("POST", SECRETS + "/{secret_name}", "Secret_create", this::create);
        router.add("DELETE", SECRETS + "/{secret_name}", "Secret_delete", this::delete);
    }

    /** 200 {@code {"secrets": [{name, digest, created_at, updated_at}]}}. */
    private ApiResponse list(ApiRequest request) {
        return store.locked(() -> {
            AppSecrets secrets =
                    store.secrets(store.app(request.param("app_name")).name());
            ObjectNode body = Json.object();
            ArrayNode all = body.putArray("secrets");
            secrets.all().values().stream()
                    .sorted(java.util.Comparator.comparing(AppSecrets.Secret::name))
                    .forEach(s -> all.add(view(s)));
            return ApiResponse.of(200, body);
        });
    }

    /** 200 {@code {secrets, version, Version}}: {@code {"values": {NAME: value or null}}}, null unsets. */
    private ApiResponse update(ApiRequest request) {
        JsonNode values = request.body().node("values");
        if (values == null || !values.isObject()) {
            throw ApiError.invalid("values must be an object of secret names to values (null unsets)");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        values.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (!v.isNull() && !v.isString()) {
                throw ApiError.invalid("json: cannot unmarshal " + (v.isNumber() ? "number" : "object")
                        + " into Go value of type string (values." + e.getKey() + ")");
            }
            changes.put(e.getKey(), v.isNull() ? null : v.stringValue());
        });
        return store.locked(() -> {
            AppSecrets secrets =
                    store.secrets(store.app(request.param("app_name")).name());
            long version = secrets.apply(changes);
            ObjectNode body = Json.object();
            ArrayNode all = body.putArray("secrets");
            changes.keySet().forEach(name -> secrets.find(name).ifPresent(s -> all.add(view(s))));
            return ApiResponse.of(200, body.put("version", version).put("Version", version));
        });
    }

    /** 201 {@code {name, digest, created_at, updated_at, version, Version}} from {@code {"value"}}. */
    private ApiResponse create(ApiRequest request) {
        String name = AppSecrets.requireName(request.param("secret_name"));
        String value = request.body().string("value");
        if (value == null) {
            throw ApiError.invalid("value is required");
        }
        return store.locked(() -> {
            AppSecrets secrets =
                    store.secrets(store.app(request.param("app_name")).name());
            long version = secrets.apply(Map.of(name, value));
            return ApiResponse.of(
                    201,
                    view(secrets.find(name).orElseThrow())
                            .put("version", version)
                            .put("Version", version));
        });
    }

    /** 200 with the secret's name, digest and times; 404 when not set. */
    private ApiResponse get(ApiRequest request) {
        return store.locked(
                () -> store.secrets(store.app(request.param("app_name")).name())
                        .find(request.param("secret_name"))
                        .map(s -> ApiResponse.of(200, view(s)))
                        .orElseThrow(() ->
                                ApiError.of(404, "not_found: secret " + request.param("secret_name") + " not found")));
    }

    /** 200 {@code {version, Version}}; 404 when not set (our choice: unverified). */
    private ApiResponse delete(ApiRequest request) {
        return store.locked(() -> {
            AppSecrets secrets =
                    store.secrets(store.app(request.param("app_name")).name());
            if (!secrets.remove(request.param("secret_name"))) {
                throw ApiError.of(404, "not_found: secret " + request.param("secret_name") + " not found");
            }
            return ApiResponse.of(
                    200, Json.object().put("version", secrets.version()).put("Version", secrets.version()));
        });
    }

    private static ObjectNode view(AppSecrets.Secret s) {
        return Json.object()
                .put("name", s.name())
                .put("digest", s.digest())
                .put("created_at", Views.timestamp(s.createdAt()))
                .put("updated_at", Views.timestamp(s.updatedAt()));
    }
}

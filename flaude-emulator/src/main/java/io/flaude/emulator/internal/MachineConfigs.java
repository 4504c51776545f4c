package io.flaude.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a {@code fly.MachineConfig} and reads the parts the emulator acts on: the image, env,
 * metadata, the one mount, files and {@code auto_destroy}; field types as Fly's decoder checks them
 * ({@link ConfigTypes}). The stored config has Fly's defaults filled in (guest, init, restart); everything
 * else is kept as sent and ignored. {@code restart} is acted on by {@link Instances}.
 */
final class MachineConfigs {
    /** Where Fly says an image without a registry comes from. */
    private static final String DOCKER_HUB = "docker-hub-mirror.fly.io";

    /** A machine name: not blank, without NUL or {@code /} (Fly's rule, reported); null when absent. */
    static String requireName(String name) {
        if (name != null && (name.indexOf('\0') >= 0 || name.contains("/"))) {
            throw ApiError.invalid("invalid_argument: machine name must not contain NUL or '/'");
        }
        return name;
    }

    /** The volume a machine mounts and where. */
    record Mount(String volume, String path) {}

    private MachineConfigs() {}

    /**
     * The config as stored: a copy without JSON nulls (null means absent), after checking the fields
     * the emulator reads. Fly's exact messages for these are unverified.
     */
    static ObjectNode require(JsonNode config) {
        if (config == null || config.isNull()) {
            throw ApiError.invalid("config is required");
        }
        if (!config.isObject()) {
            throw ApiError.invalid("config must be an object");
        }
        ObjectNode copy = (ObjectNode) withoutNulls(config);
        ConfigTypes.check(copy);
        JsonNode image = copy.get("image");
        if (image == null || !image.isString() || image.stringValue().isBlank()) {
            throw ApiError.invalid("config.image is required");
        }
        requireStringMap(copy, "env");
        requireStringMap(copy, "metadata");
        JsonNode autoDestroy = copy.get("auto_destroy");
        if (autoDestroy != null && !autoDestroy.isBoolean()) {
            throw ApiError.invalid("config.auto_destroy must be a boolean");
        }
        requireMounts(copy.get("mounts"));
        requireFiles(copy.get("files"));
        ConfigTypes.fillDefaults(copy);
        return copy;
    }

    static String image(ObjectNode config) {
        return config.path("image").stringValue("");
    }

    /** The mount, or null when the machine mounts no volume. */
    static Mount mount(ObjectNode config) {
        JsonNode mounts = config.get("mounts");
        if (mounts == null || mounts.isEmpty()) {
            return null;
        }
        JsonNode mount = mounts.get(0);
        return new Mount(
                mount.path("volume").stringValue(""),
                trimSlash(mount.path("path").stringValue("")));
    }

    static Map<String, String> env(ObjectNode config) {
        var env = new LinkedHashMap<String, String>();
        config.path("env")
                .properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().stringValue()));
        return env;
    }

    /** A metadata value, or null when the key is not set. */
    static String metadata(ObjectNode config, String key) {
        JsonNode value = config.path("metadata").get(key);
        return value == null ? null : value.stringValue();
    }

    static boolean autoDestroy(ObjectNode config) {
        return config.path("auto_destroy").booleanValue(false);
    }

    /**
     * The {@code ImageRef} for an image reference: registry (Fly's Docker Hub mirror when the first
     * segment is not a host), repository ({@code library/} added for Docker Hub), tag ({@code latest}
     * by default) and a digest (the one in the reference, else a stable one derived from it).
     */
    static ObjectNode imageRef(String image) {
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "latest";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? "" : rest.substring(0, slash);
        if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
            registry = first;
            rest = rest.substring(slash + 1);
        } else if (slash < 0) {
            rest = "library/" + rest;
        }
        ObjectNode ref = Json.object()
                .put("registry", registry)
                .put("repository", rest)
                .put("tag", tag)
                .put("digest", digest != null ? digest : "sha256:" + sha256(image));
        ref.putObject("labels");
        return ref;
    }

    private static void requireStringMap(ObjectNode config, String field) {
        JsonNode map = config.get(field);
        if (map == null) {
            return;
        }
        if (!map.isObject()) {
            throw ApiError.invalid("config." + field + " must be an object");
        }
        map.properties().forEach(e -> {
            if (!e.getValue().isString()) {
                throw ApiError.invalid("config." + field + "." + e.getKey() + " must be a string");
            }
        });
    }

    /** At most one mount (DOCS-M: one volume per machine), with a volume id and an absolute path. */
    private static void requireMounts(JsonNode mounts) {
        if (mounts == null) {
            return;
        }
        if (!mounts.isArray()) {
            throw ApiError.invalid("config.mounts must be an array");
        }
        if (mounts.size() > 1) {
            throw ApiError.invalid("a machine can mount only one volume");
        }
        for (JsonNode mount : mounts) {
            if (!mount.isObject()
                    || !mount.path("volume").isString()
                    || mount.path("volume").stringValue().isEmpty()) {
                throw ApiError.invalid("config.mounts[0].volume is required");
            }
            JsonNode path = mount.path("path");
            if (!path.isString() || !path.stringValue().startsWith("/")) {
                throw ApiError.invalid("config.mounts[0].path must be an absolute path");
            }
        }
    }

    /** Files need an absolute {@code guest_path} and valid base64 in {@code raw_value}. */
    private static void requireFiles(JsonNode files) {
        if (files == null) {
            return;
        }
        if (!files.isArray()) {
            throw ApiError.invalid("config.files must be an array");
        }
        for (JsonNode file : files) {
            if (!file.isObject()
                    || !file.path("guest_path").isString()
                    || !file.path("guest_path").stringValue().startsWith("/")) {
                throw ApiError.invalid("config.files[].guest_path must be an absolute path");
            }
            JsonNode raw = file.get("raw_value");
            if (raw != null) {
                try {
                    Base64.getDecoder().decode(raw.stringValue(""));
                } catch (IllegalArgumentException e) {
                    throw ApiError.invalid("config.files[].raw_value must be base64");
                }
            }
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            node.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.array();
            node.forEach(item -> {
                if (!item.isNull()) {
                    copy.add(withoutNulls(item));
                }
            });
            return copy;
        }
        return node.deepCopy();
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

package io.flaude.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One app's secrets as Fly keeps them: name, value (never shown by any read), digest and times, and
 * a version that grows with every change. Used only under the {@link Store} lock.
 */
final class AppSecrets {
    /** A secret is an environment variable name (our rule; Fly's exact one is unverified). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");

    /** One stored secret. */
    record Secret(String name, String value, String digest, Instant createdAt, Instant updatedAt) {}

    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private long version;

    /** The version of the app's secrets: 0 before any was set, then one more per change. */
    long version() {
        return version;
    }

    Map<String, Secret> all() {
        return Map.copyOf(secrets);
    }

    Optional<Secret> find(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /** Sets (a value) or unsets (null) each name; one new version for the whole change. */
    long apply(Map<String, String> changes) {
        changes.keySet().forEach(AppSecrets::requireName);
        Instant now = Instant.now();
        changes.forEach((name, value) -> {
            if (value == null) {
                secrets.remove(name);
            } else {
                Secret old = secrets.get(name);
                secrets.put(name, new Secret(name, value, digest(value), old == null ? now : old.createdAt(), now));
            }
        });
        return ++version;
    }

    /** Unsets one secret; false when it was not set. */
    boolean remove(String name) {
        if (secrets.remove(name) == null) {
            return false;
        }
        version++;
        return true;
    }

    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiError.invalid("invalid_argument: secret name '" + name + "' must be letters, digits and _,"
                    + " not starting with a digit");
        }
        return name;
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

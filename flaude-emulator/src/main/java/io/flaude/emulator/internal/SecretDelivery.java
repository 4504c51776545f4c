package io.flaude.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a booting machine receives its app's secrets, as Fly delivers them: every secret as an env
 * variable, unless {@code processes[0].ignore_app_secrets}; {@code processes[0].secrets} maps a secret
 * to an env name of its own; a file with {@code secret_name} holds the secret's base64-decoded value.
 * A secret set after a machine booted reaches it at its next start or update.
 */
final class SecretDelivery {
    private SecretDelivery() {}

    /** The workload's env: the config's env, then the secrets (which win on a clash: our choice, unverified). */
    static Map<String, String> env(ObjectNode config, Map<String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>(MachineConfigs.env(config));
        JsonNode process = config.path("processes").path(0);
        if (!process.path("ignore_app_secrets").asBoolean(false)) {
            env.putAll(secrets);
        }
        for (JsonNode s : process.path("secrets")) {
            String value = secrets.get(s.path("name").stringValue(""));
            String name = s.path("env_var").stringValue(s.path("name").stringValue(""));
            if (value != null && !name.isEmpty()) {
                env.put(name, value);
            }
        }
        return env;
    }

    /** A secret file's content, or null when the secret is not set (the file is then not written). */
    static byte[] fileContent(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(secret.strip());
        } catch (IllegalArgumentException notBase64) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
    }
}

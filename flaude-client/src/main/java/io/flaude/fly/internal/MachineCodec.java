package io.flaude.fly.internal;

import io.flaude.fly.Guest;
import io.flaude.fly.Lease;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.MachineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads Fly's machine, event and lease JSON and writes machine configs. Not API. */
public final class MachineCodec {
    private MachineCodec() {}

    public static Machine machine(JsonNode m, String appName) {
        List<MachineEvent> events = new ArrayList<>();
        for (JsonNode e : m.path("events")) {
            events.add(event(e));
        }
        String version = Json.string(m, "instance_id", Json.string(m, "version", ""));
        return new Machine(
                Json.string(m, "id", ""),
                Json.string(m, "name", ""),
                Json.string(m, "state", "unknown"),
                Json.string(m, "region", ""),
                version,
                Json.string(m, "private_ip", null),
                Json.instant(m, "created_at"),
                Json.instant(m, "updated_at"),
                m.path("config").isObject() ? config(m.path("config")) : null,
                events,
                appName);
    }

    /** An event; the exit code is read from {@code request.exit_event} or {@code request.monitor_event.exit_event}. */
    public static MachineEvent event(JsonNode e) {
        JsonNode request = e.path("request");
        JsonNode exit = request.path("exit_event");
        if (!exit.isObject()) {
            exit = request.path("monitor_event").path("exit_event");
        }
        if (!exit.isObject()) {
            exit = request.path("MonitorEvent").path("exit_event");
        }
        return new MachineEvent(
                Json.string(e, "id", ""),
                Json.string(e, "type", ""),
                Json.string(e, "status", ""),
                Json.string(e, "source", ""),
                Json.instant(e, "timestamp"),
                exit.isObject() ? Json.integer(exit, "exit_code") : null);
    }

    public static MachineConfig config(JsonNode c) {
        JsonNode g = c.path("guest");
        Guest guest = g.isObject()
                ? new Guest(
                        Json.string(g, "cpu_kind", null),
                        orZero(Json.integer(g, "cpus")),
                        orZero(Json.integer(g, "memory_mb")))
                : null;
        List<MachineConfig.Mount> mounts = new ArrayList<>();
        for (JsonNode mount : c.path("mounts")) {
            mounts.add(new MachineConfig.Mount(Json.string(mount, "volume", ""), Json.string(mount, "path", "")));
        }
        List<MachineConfig.SecretFile> files = new ArrayList<>();
        for (JsonNode f : c.path("files")) {
            String secret = Json.string(f, "secret_name", null);
            if (secret != null) {
                files.add(new MachineConfig.SecretFile(Json.string(f, "guest_path", ""), secret));
            }
        }
        return new MachineConfig(
                Json.string(c, "image", ""),
                strings(c.path("env")),
                guest,
                Json.string(c.path("restart"), "policy", null),
                c.path("auto_destroy").asBoolean(false),
                strings(c.path("metadata")),
                mounts,
                files);
    }

    public static ObjectNode configJson(MachineConfig config) {
        ObjectNode c = Json.object();
        c.put("image", config.image());
        ObjectNode env = c.putObject("env");
        config.env().forEach(env::put);
        if (config.guest() != null) {
            ObjectNode g = c.putObject("guest");
            if (config.guest().cpuKind() != null) {
                g.put("cpu_kind", config.guest().cpuKind());
            }
            g.put("cpus", config.guest().cpus());
            g.put("memory_mb", config.guest().memoryMb());
        }
        if (config.restartPolicy() != null) {
            c.putObject("restart").put("policy", config.restartPolicy());
        }
        c.put("auto_destroy", config.autoDestroy());
        ObjectNode metadata = c.putObject("metadata");
        config.metadata().forEach(metadata::put);
        if (!config.mounts().isEmpty()) {
            ArrayNode mounts = c.putArray("mounts");
            config.mounts()
                    .forEach(m -> mounts.addObject().put("volume", m.volume()).put("path", m.path()));
        }
        if (!config.files().isEmpty()) {
            ArrayNode files = c.putArray("files");
            config.files().forEach(f -> files.addObject()
                    .put("guest_path", f.guestPath())
                    .put("secret_name", f.secretName())
                    .put("mode", 0400));
        }
        return c;
    }

    /** A lease from the documented envelope {@code {status, data:{...}}} or the spec's flat shape. */
    public static Lease lease(JsonNode body, String machineId) {
        JsonNode d = body.path("data").isObject() ? body.path("data") : body;
        Long expires = Json.number(d, "expires_at");
        return new Lease(
                machineId,
                Json.string(d, "nonce", null),
                expires == null ? null : Instant.ofEpochSecond(expires),
                Json.string(d, "owner", null),
                Json.string(d, "description", null));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (e.getValue().isString()) {
                map.put(e.getKey(), e.getValue().stringValue());
            }
        });
        return map;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}

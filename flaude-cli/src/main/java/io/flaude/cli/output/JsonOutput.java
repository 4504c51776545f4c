package io.flaude.cli.output;

import io.flaude.agent.ReapAction;
import io.flaude.agent.RunResult;
import io.flaude.agent.Session;
import io.flaude.fly.App;
import io.flaude.fly.Machine;
import io.flaude.fly.Snapshot;
import io.flaude.fly.Volume;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code --json} output: the API's snake_case field names, plus {@code app_name}; lists as arrays. */
public final class JsonOutput {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonOutput() {
    }

    /** Writes a value: records of the client are turned into the API's field names first. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(convert(value));
    }

    private static Object convert(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(JsonOutput::convert).toList();
        }
        if (value instanceof Volume v) {
            return volume(v);
        }
        if (value instanceof Snapshot s) {
            return snapshot(s);
        }
        if (value instanceof App a) {
            return app(a);
        }
        if (value instanceof Session s) {
            return session(s);
        }
        if (value instanceof Machine m) {
            return machine(m);
        }
        if (value instanceof ReapAction r) {
            return reap(r);
        }
        return value;
    }

    public static Map<String, Object> volume(Volume v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("name", v.name());
        m.put("state", v.state());
        m.put("size_gb", v.sizeGb());
        m.put("region", v.region());
        m.put("zone", v.zone());
        m.put("encrypted", v.encrypted());
        m.put("attached_machine_id", v.attachedMachineId());
        m.put("attached_alloc_id", v.attachedAllocId());
        m.put("created_at", time(v.createdAt()));
        m.put("fstype", v.fstype());
        m.put("snapshot_retention", v.snapshotRetention());
        m.put("auto_backup_enabled", v.autoBackupEnabled());
        m.put("host_status", v.hostStatus());
        putIfPresent(m, "blocks", v.blocks());
        putIfPresent(m, "block_size", v.blockSize());
        putIfPresent(m, "blocks_free", v.blocksFree());
        putIfPresent(m, "blocks_avail", v.blocksAvail());
        putIfPresent(m, "bytes_total", v.bytesTotal());
        putIfPresent(m, "bytes_used", v.bytesUsed());
        m.put("app_name", v.appName());
        return m;
    }

    private static Map<String, Object> snapshot(Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("size", s.sizeBytes());
        m.put("volume_size", s.volumeSizeGb());
        m.put("digest", s.digest());
        m.put("created_at", time(s.createdAt()));
        m.put("status", s.status());
        m.put("retention_days", s.retentionDays());
        return m;
    }

    private static Map<String, Object> app(App a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("status", a.status());
        m.put("org_slug", a.orgSlug());
        m.put("machine_count", a.machineCount());
        m.put("volume_count", a.volumeCount());
        m.put("network", a.network());
        return m;
    }

    /** A session's fields in snake_case. */
    public static Map<String, Object> session(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", s.sessionId());
        m.put("machine_id", s.machineId());
        m.put("volume_id", s.volumeId());
        m.put("app_name", s.app());
        m.put("region", s.region());
        m.put("mount_path", s.mountPath());
        m.put("created_at", time(s.createdAt()));
        m.put("last_turn_at", time(s.lastTurnAt()));
        m.put("ttl_seconds", s.ttl() == null ? null : s.ttl().toSeconds());
        m.put("idle_timeout_seconds", s.idleTimeout() == null ? null : s.idleTimeout().toSeconds());
        m.put("state", s.state());
        return m;
    }

    /** A run's or turn's outcome: machine, exit code, machine state, output lines. */
    public static Map<String, Object> run(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("machine_id", r.machineId());
        m.put("instance_id", r.instanceId());
        m.put("exit_code", r.exitCode());
        m.put("machine_state", r.state());
        m.put("succeeded", r.succeeded());
        m.put("output", r.output());
        return m;
    }

    /** A session after a turn: its fields, plus the turn's {@code exit_code}, {@code turn_state} and output. */
    public static Map<String, Object> turn(Session s, RunResult r) {
        Map<String, Object> m = session(s);
        m.put("exit_code", r.exitCode());
        m.put("turn_state", r.succeeded() ? "succeeded" : "failed");
        m.put("machine_state", r.state());
        m.put("output", r.output());
        return m;
    }

    private static Map<String, Object> machine(Machine x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("name", x.name());
        m.put("state", x.state());
        m.put("region", x.region());
        m.put("instance_id", x.instanceId());
        m.put("image", x.config() == null ? null : x.config().image());
        m.put("metadata", x.config() == null ? Map.of() : x.config().metadata());
        m.put("mounts", x.config() == null ? java.util.List.of() : x.config().mounts().stream()
                .map(mt -> Map.of("volume", mt.volume(), "path", mt.path())).toList());
        m.put("created_at", time(x.createdAt()));
        m.put("updated_at", time(x.updatedAt()));
        m.put("app_name", x.appName());
        return m;
    }

    private static Map<String, Object> reap(ReapAction r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind());
        m.put("id", r.id());
        m.put("session_id", r.sessionId());
        m.put("reason", r.reason());
        m.put("done", r.done());
        m.put("error", r.error());
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}

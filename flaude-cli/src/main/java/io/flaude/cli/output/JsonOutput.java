package io.flaude.cli.output;

import io.flaude.fly.App;
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

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}

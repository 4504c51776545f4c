package io.flaude.fly.internal;

import io.flaude.fly.Guest;
import io.flaude.fly.Snapshot;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeSpec;
import io.flaude.fly.VolumeUpdate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads Fly's volume and snapshot JSON and writes the request bodies. Not API. */
public final class VolumeCodec {
    private VolumeCodec() {}

    /**
     * A volume from Fly's JSON: missing name and region become {@code ""}, a missing size 0, a missing
     * state {@code unknown}; unknown fields are ignored and unknown states kept.
     */
    public static Volume volume(JsonNode v, String appName) {
        return new Volume(
                Json.string(v, "id", ""),
                Json.string(v, "name", ""),
                Json.string(v, "region", ""),
                orZero(Json.integer(v, "size_gb")),
                appName,
                Json.string(v, "state", "unknown"),
                Json.string(v, "zone", null),
                Json.bool(v, "encrypted"),
                Json.string(v, "attached_machine_id", null),
                Json.string(v, "attached_alloc_id", null),
                Json.instant(v, "created_at"),
                Json.string(v, "fstype", null),
                Json.integer(v, "snapshot_retention"),
                Json.bool(v, "auto_backup_enabled"),
                Json.string(v, "host_status", null),
                Json.number(v, "blocks"),
                Json.number(v, "block_size"),
                Json.number(v, "blocks_free"),
                Json.number(v, "blocks_avail"),
                Json.number(v, "bytes_total"),
                Json.number(v, "bytes_used"));
    }

    public static Snapshot snapshot(JsonNode s) {
        Long size = Json.number(s, "size");
        return new Snapshot(
                Json.string(s, "id", ""),
                size == null ? 0 : size,
                orZero(Json.integer(s, "volume_size")),
                Json.string(s, "digest", null),
                Json.instant(s, "created_at"),
                Json.string(s, "status", null),
                Json.integer(s, "retention_days"));
    }

    /** The create body: name, region and size always; every other field only when set. */
    public static ObjectNode createBody(VolumeSpec spec) {
        ObjectNode body = Json.object();
        body.put("name", spec.name());
        body.put("region", spec.region());
        body.put("size_gb", spec.sizeGb());
        putIfSet(body, "encrypted", spec.encrypted());
        putIfSet(body, "fstype", spec.fstype());
        putIfSet(body, "require_unique_zone", spec.requireUniqueZone());
        putIfSet(body, "unique_zone_app_wide", spec.uniqueZoneAppWide());
        putIfSet(body, "snapshot_id", spec.snapshotId());
        putIfSet(body, "source_volume_id", spec.sourceVolumeId());
        putIfSet(body, "snapshot_retention", spec.snapshotRetention());
        putIfSet(body, "auto_backup_enabled", spec.autoBackupEnabled());
        if (spec.compute() != null) {
            body.set("compute", guest(spec.compute()));
        }
        putIfSet(body, "compute_image", spec.computeImage());
        return body;
    }

    public static ObjectNode updateBody(VolumeUpdate update) {
        ObjectNode body = Json.object();
        putIfSet(body, "snapshot_retention", update.snapshotRetention());
        putIfSet(body, "auto_backup_enabled", update.autoBackupEnabled());
        return body;
    }

    public static ObjectNode extendBody(int sizeGb) {
        ObjectNode body = Json.object();
        body.put("size_gb", sizeGb);
        return body;
    }

    private static ObjectNode guest(Guest g) {
        ObjectNode node = Json.object();
        putIfSet(node, "cpu_kind", g.cpuKind());
        node.put("cpus", g.cpus());
        node.put("memory_mb", g.memoryMb());
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, Object value) {
        if (value instanceof String s) {
            node.put(field, s);
        } else if (value instanceof Integer i) {
            node.put(field, i);
        } else if (value instanceof Boolean b) {
            node.put(field, b);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}

package io.flaude.emulator.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders stored records as the spec's response schemas (Volume, VolumeSnapshot, App); machines are in {@link
 * MachineViews}.
 */
final class Views {
    static final int BLOCK_SIZE = 4096;
    private static final long GIB = 1L << 30;
    /** The emulator reports every volume as empty as a fresh one, whatever its directory holds. */
    static final long USED_BYTES = 0;

    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Views() {}

    /** RFC 3339 in UTC with milliseconds, e.g. {@code 2026-11-28T16:30:01.123Z}. */
    static String timestamp(Instant instant) {
        return RFC_3339_MILLIS.format(instant);
    }

    /**
     * A {@code Volume}. {@code summary} leaves out the block and byte counts, as {@code ?summary=true}
     * does. The attachment ids are JSON null when unattached, as on the real API (the spec says string).
     */
    static ObjectNode volume(VolumeRecord volume, Instant now, boolean summary) {
        ObjectNode node = Json.object()
                .put("id", volume.id())
                .put("name", volume.name())
                .put("state", volume.stateAt(now))
                .put("size_gb", volume.sizeGb())
                .put("region", volume.region())
                .put("zone", volume.zone())
                .put("encrypted", volume.encrypted());
        if (volume.attachedMachineId() == null) {
            node.putNull("attached_machine_id");
        } else {
            node.put("attached_machine_id", volume.attachedMachineId());
        }
        node.putNull("attached_alloc_id");
        node.put("created_at", timestamp(volume.createdAt()));
        if (!summary) {
            long bytesTotal = volume.sizeGb() * GIB;
            long blocks = bytesTotal / BLOCK_SIZE;
            long blocksFree = blocks - USED_BYTES / BLOCK_SIZE;
            node.put("blocks", blocks)
                    .put("block_size", BLOCK_SIZE)
                    .put("blocks_free", blocksFree)
                    .put("blocks_avail", blocksFree)
                    .put("bytes_total", bytesTotal)
                    .put("bytes_used", USED_BYTES);
        }
        return node.put("fstype", volume.fstype())
                .put("snapshot_retention", volume.snapshotRetention())
                .put("auto_backup_enabled", volume.autoBackupEnabled())
                .put("host_status", "ok")
                .put("type", "local");
    }

    /** A {@code VolumeSnapshot}. */
    static ObjectNode snapshot(SnapshotRecord snapshot) {
        return Json.object()
                .put("id", snapshot.id())
                .put("size", snapshot.sizeBytes())
                .put("volume_size", snapshot.volumeSizeGb())
                .put("digest", snapshot.digest())
                .put("created_at", timestamp(snapshot.createdAt()))
                .put("status", "created")
                .put("retention_days", snapshot.retentionDays());
    }

    /**
     * An {@code App}; {@code machine_count} counts machines not destroyed. The status stays
     * {@code pending}, which Fly shows for an app with nothing deployed (DOCS-A; unverified whether and
     * when it turns {@code deployed}, as machines alone are not a deploy).
     */
    static ObjectNode app(AppRecord app, int volumeCount, int machineCount) {
        ObjectNode node =
                Json.object().put("id", app.id()).put("name", app.name()).put("status", "pending");
        node.putObject("organization").put("name", app.orgSlug()).put("slug", app.orgSlug());
        return node.put("machine_count", machineCount)
                .put("volume_count", volumeCount)
                .put("network", app.network())
                .put("internal_numeric_id", app.internalNumericId());
    }
}

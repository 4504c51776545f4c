package io.flaude.fly;

import java.time.Instant;

/**
 * A snapshot of a volume. Fly documents no snapshot status values, so {@code status} is kept as sent.
 *
 * @param id            {@code vs_...}
 * @param sizeBytes     the snapshot's size in bytes
 * @param volumeSizeGb  the size of the volume it was taken from; a restore must be at least this big
 * @param retentionDays days Fly keeps it, {@code null} when not said
 */
public record Snapshot(
        String id,
        long sizeBytes,
        int volumeSizeGb,
        String digest,
        Instant createdAt,
        String status,
        Integer retentionDays) {}

package io.flaude.emulator.internal;

import java.time.Instant;

/**
 * A stored volume snapshot.
 *
 * @param sizeBytes the bytes it holds (the volume's used bytes when taken)
 * @param volumeSizeGb the size of the volume it was taken from
 * @param visibleAt when it starts to appear in lists and can be restored
 */
record SnapshotRecord(
        String id,
        String volumeId,
        long sizeBytes,
        int volumeSizeGb,
        String digest,
        Instant createdAt,
        int retentionDays,
        Instant visibleAt) {
    boolean visibleAt(Instant now) {
        return !now.isBefore(visibleAt);
    }
}

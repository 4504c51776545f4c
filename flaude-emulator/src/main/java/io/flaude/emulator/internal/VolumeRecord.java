package io.flaude.emulator.internal;

import java.time.Instant;

/**
 * A stored volume. Transient states settle lazily: a {@code hydrating} or {@code restoring} volume
 * reads as {@code created} once {@code settlesAt} has passed, so no background thread is needed.
 *
 * @param seq creation order, used by list cursors
 * @param state the stored state; see {@link #stateAt(Instant)} for the one to show
 * @param settlesAt when a transient state turns {@code created}, or null
 * @param attachedMachineId the machine that mounts it, or null
 */
record VolumeRecord(
        long seq,
        String id,
        String name,
        String region,
        String zone,
        int sizeGb,
        boolean encrypted,
        String fstype,
        int snapshotRetention,
        boolean autoBackupEnabled,
        Instant createdAt,
        String state,
        Instant settlesAt,
        String attachedMachineId) {
    static final String CREATED = "created";
    static final String HYDRATING = "hydrating";
    static final String RESTORING = "restoring";
    static final String PENDING_DESTROY = "pending_destroy";

    String stateAt(Instant now) {
        return settlesAt != null && !now.isBefore(settlesAt) ? CREATED : state;
    }

    boolean destroyed() {
        return PENDING_DESTROY.equals(state);
    }

    VolumeRecord withState(String newState, Instant newSettlesAt) {
        return new VolumeRecord(
                seq,
                id,
                name,
                region,
                zone,
                sizeGb,
                encrypted,
                fstype,
                snapshotRetention,
                autoBackupEnabled,
                createdAt,
                newState,
                newSettlesAt,
                attachedMachineId);
    }

    VolumeRecord withSize(int newSizeGb) {
        return new VolumeRecord(
                seq,
                id,
                name,
                region,
                zone,
                newSizeGb,
                encrypted,
                fstype,
                snapshotRetention,
                autoBackupEnabled,
                createdAt,
                state,
                settlesAt,
                attachedMachineId);
    }

    VolumeRecord withBackups(int newRetention, boolean newAutoBackup) {
        return new VolumeRecord(
                seq,
                id,
                name,
                region,
                zone,
                sizeGb,
                encrypted,
                fstype,
                newRetention,
                newAutoBackup,
                createdAt,
                state,
                settlesAt,
                attachedMachineId);
    }

    VolumeRecord withAttachment(String machineId) {
        return new VolumeRecord(
                seq,
                id,
                name,
                region,
                zone,
                sizeGb,
                encrypted,
                fstype,
                snapshotRetention,
                autoBackupEnabled,
                createdAt,
                state,
                settlesAt,
                machineId);
    }
}

package io.flaude.fly;

import java.time.Instant;
import java.util.Set;

/**
 * A Fly volume as the API described it. The first six components are the seed's: {@code id},
 * {@code name} and {@code region} ({@code ""} when absent), {@code sizeGb} (0 when absent),
 * {@code appName} (taken from the call, not the response) and {@code state} ({@code "unknown"} when
 * absent; unknown states are kept as sent). The rest are {@code null} when the API left them out,
 * as it does for the block figures when listing with {@code summary}.
 *
 * @param zone              the 4-hex hardware zone
 * @param encrypted         whether the volume is encrypted at rest
 * @param attachedMachineId the machine holding the volume, {@code null} when unattached
 * @param attachedAllocId   legacy (Nomad) allocation holding the volume, normally {@code null}
 * @param createdAt         creation time
 * @param fstype            {@code ext4} or {@code raw}; may be {@code ""} until first mounted
 * @param snapshotRetention days daily snapshots are kept (1-60)
 * @param autoBackupEnabled whether daily snapshots are taken
 * @param hostStatus        {@code ok}, {@code unknown} or {@code unreachable}
 */
public record Volume(String id, String name, String region, int sizeGb, String appName, String state,
                     String zone, Boolean encrypted, String attachedMachineId, String attachedAllocId,
                     Instant createdAt, String fstype, Integer snapshotRetention, Boolean autoBackupEnabled,
                     String hostStatus, Long blocks, Long blockSize, Long blocksFree, Long blocksAvail,
                     Long bytesTotal, Long bytesUsed) {

    /** States in which Fly has destroyed, or is destroying, the volume (it may still be listed). */
    public static final Set<String> GONE_STATES = Set.of("scheduling_destroy", "fork_cleanup",
            "waiting_for_detach", "pending_destroy", "destroying", "destroyed");

    /** States in which the volume can be mounted: {@code created}, and {@code hydrating} (a fork). */
    public static final Set<String> USABLE_STATES = Set.of("created", "hydrating");

    /** True when the volume is destroyed or on its way there; such volumes are still listed for a while. */
    public boolean isGone() {
        return GONE_STATES.contains(state);
    }

    /** True when a machine can mount the volume now. */
    public boolean isUsable() {
        return USABLE_STATES.contains(state);
    }

    /** True when a machine (or a legacy allocation) holds the volume. */
    public boolean isAttached() {
        return (attachedMachineId != null && !attachedMachineId.isEmpty())
                || (attachedAllocId != null && !attachedAllocId.isEmpty());
    }
}

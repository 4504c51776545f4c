package io.flaude.fly;

import java.time.Instant;

/**
 * A Fly volume as the API described it. The first six components are the seed's: {@code id},
 * {@code name} and {@code region} ({@code "unknown"} when absent, as the Python flaude has it), {@code sizeGb} (0 when
 * absent),
 * {@code appName} (taken from the call, not the response) and the state: {@link #state()} typed,
 * {@link #stateAsString()} as Fly sent it ({@code "unknown"} when absent, as the Python flaude has it). The rest are
 * {@code null} when the API left them out,
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
public record Volume(
        String id,
        String name,
        String region,
        int sizeGb,
        String appName,
        String stateAsString,
        String zone,
        Boolean encrypted,
        String attachedMachineId,
        String attachedAllocId,
        Instant createdAt,
        String fstype,
        Integer snapshotRetention,
        Boolean autoBackupEnabled,
        String hostStatus,
        Long blocks,
        Long blockSize,
        Long blocksFree,
        Long blocksAvail,
        Long bytesTotal,
        Long bytesUsed) {

    public Volume {
        stateAsString = stateAsString == null ? "unknown" : stateAsString;
    }

    /** The state; {@link VolumeState#UNKNOWN} for one this version does not know ({@link #stateAsString()} has it). */
    public VolumeState state() {
        return VolumeState.fromWire(stateAsString);
    }

    /** True when the volume is destroyed or on its way there; such volumes are still listed for a while. */
    public boolean isGone() {
        return state().isGone();
    }

    /** True when a machine can mount the volume now. */
    public boolean isUsable() {
        return state().isUsable();
    }

    /** True when a machine (or a legacy allocation) holds the volume. */
    public boolean isAttached() {
        return (attachedMachineId != null && !attachedMachineId.isEmpty())
                || (attachedAllocId != null && !attachedAllocId.isEmpty());
    }
}

package io.flaude.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored machine. The config is never mutated once stored: every change stores a new record.
 *
 * @param seq creation order, used by list cursors
 * @param nonce the lease nonce of a create with {@code lease_ttl}, shown on that answer only; else null
 * @param version the current version, also shown as {@code instance_id}; new on every update
 * @param versions every version the machine has had, oldest first (the current one last)
 * @param config the config as sent, nulls removed
 */
record MachineRecord(
        long seq,
        String id,
        String name,
        String region,
        String privateIp,
        Instant createdAt,
        String nonce,
        String state,
        String version,
        List<String> versions,
        ObjectNode config,
        Instant updatedAt) {
    static final String CREATED = "created";
    static final String STARTING = "starting";
    static final String STARTED = "started";
    static final String STOPPING = "stopping";
    static final String STOPPED = "stopped";
    static final String REPLACING = "replacing";
    static final String SUSPENDING = "suspending";
    static final String SUSPENDED = "suspended";
    static final String FAILED = "failed";
    static final String DESTROYED = "destroyed";
    /** States in which an instance is (or is about to be) running. */
    private static final Set<String> ACTIVE = Set.of(STARTING, STARTED, STOPPING, REPLACING, SUSPENDING);

    MachineRecord {
        versions = List.copyOf(versions);
    }

    boolean destroyed() {
        return DESTROYED.equals(state);
    }

    /** Whether an instance runs or is about to: starting, started, stopping or replacing. */
    boolean active() {
        return ACTIVE.contains(state);
    }

    MachineConfigs.Mount mount() {
        return MachineConfigs.mount(config);
    }

    MachineRecord withState(String newState, Instant now) {
        return new MachineRecord(
                seq, id, name, region, privateIp, createdAt, nonce, newState, version, versions, config, now);
    }

    /** The same version with other metadata (a metadata update makes no new version). */
    MachineRecord withMetadata(ObjectNode newConfig, Instant now) {
        return new MachineRecord(
                seq, id, name, region, privateIp, createdAt, nonce, state, version, versions, newConfig, now);
    }

    /** The machine on a new config, with a new version. */
    MachineRecord withConfig(ObjectNode newConfig, String newName, String newState, Instant now) {
        String newVersion = Ids.machineVersion();
        var all = new ArrayList<>(versions);
        all.add(newVersion);
        return new MachineRecord(
                seq, id, newName, region, privateIp, createdAt, nonce, newState, newVersion, all, newConfig, now);
    }
}

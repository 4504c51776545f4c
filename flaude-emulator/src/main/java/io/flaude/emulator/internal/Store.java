package io.flaude.emulator.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's in-memory state: apps, their volumes and the volumes' snapshots, machines with their
 * events and leases, and app logs. One lock guards it all; every method except {@link #locked} must be
 * called from inside {@link #locked}. Machine waits block on {@link #awaitChange}, which releases the
 * lock while waiting; every machine or event change wakes them.
 */
final class Store {
    /** Events kept per machine, newest ones; older ones are forgotten. */
    private static final int MAX_EVENTS = 100;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, AppRecord> apps = new LinkedHashMap<>();
    /** App name, then volume id, in creation order. */
    private final Map<String, Map<String, VolumeRecord>> volumes = new HashMap<>();
    /** Volume id, then its snapshots in creation order. */
    private final Map<String, List<SnapshotRecord>> snapshots = new HashMap<>();
    /** App name, then machine id, in creation order. */
    private final Map<String, Map<String, MachineRecord>> machines = new HashMap<>();
    /** Machine id, then its events, oldest first. */
    private final Map<String, List<MachineEventRecord>> events = new HashMap<>();
    /** Machine id, then its lease (possibly expired). */
    private final Map<String, LeaseRecord> leases = new HashMap<>();

    private final Map<String, AppLogs> logs = new HashMap<>();
    private final Map<String, Map<String, ObjectNode>> versionConfigs = new HashMap<>();
    private final Map<String, AppSecrets> secrets = new HashMap<>();
    private final Set<String> cordoned = new HashSet<>();
    private long seq;

    /** Runs {@code action} holding the lock, so it sees and leaves a consistent state. */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    long nextSeq() {
        assert lock.isHeldByCurrentThread();
        return ++seq;
    }

    void clear() {
        assert lock.isHeldByCurrentThread();
        apps.clear();
        volumes.clear();
        snapshots.clear();
        machines.clear();
        events.clear();
        leases.clear();
        logs.clear();
        versionConfigs.clear();
        cordoned.clear();
        secrets.clear();
        changed.signalAll();
    }

    /**
     * Waits, without holding the lock meanwhile, until a machine changes or {@code nanos} pass.
     *
     * @return the nanoseconds left
     * @throws InterruptedException when the emulator is closing
     */
    long awaitChange(long nanos) throws InterruptedException {
        assert lock.isHeldByCurrentThread();
        return nanos <= 0 ? 0 : changed.awaitNanos(Math.min(nanos, TimeUnit.SECONDS.toNanos(61)));
    }

    // ---- apps

    Optional<AppRecord> findApp(String name) {
        assert lock.isHeldByCurrentThread();
        return Optional.ofNullable(apps.get(name));
    }

    /** The app, or a 404 {@code app not found}. */
    AppRecord app(String name) {
        return findApp(name).orElseThrow(() -> ApiError.notFound("app"));
    }

    List<AppRecord> apps() {
        assert lock.isHeldByCurrentThread();
        return List.copyOf(apps.values());
    }

    Optional<AppRecord> appByIdempotencyKey(String key) {
        assert lock.isHeldByCurrentThread();
        return apps.values().stream()
                .filter(a -> key.equals(a.idempotencyKey()))
                .findFirst();
    }

    void putApp(AppRecord app) {
        assert lock.isHeldByCurrentThread();
        apps.put(app.name(), app);
        volumes.putIfAbsent(app.name(), new LinkedHashMap<>());
    }

    /** Forgets the app with its volumes and their snapshots, its machines and its logs. */
    void removeApp(String name) {
        assert lock.isHeldByCurrentThread();
        apps.remove(name);
        Map<String, VolumeRecord> gone = volumes.remove(name);
        if (gone != null) {
            gone.keySet().forEach(snapshots::remove);
        }
        Map<String, MachineRecord> goneMachines = machines.remove(name);
        if (goneMachines != null) {
            goneMachines.keySet().forEach(id -> {
                events.remove(id);
                leases.remove(id);
            });
        }
        logs.remove(name);
        secrets.remove(name);
        changed.signalAll();
    }

    /** The app's secrets (the app must exist). */
    AppSecrets secrets(String app) {
        assert lock.isHeldByCurrentThread();
        return secrets.computeIfAbsent(app, a -> new AppSecrets());
    }

    // ---- volumes

    /** Every volume of the app, soft-deleted ones included, in creation order. */
    List<VolumeRecord> volumes(String app) {
        assert lock.isHeldByCurrentThread();
        return List.copyOf(volumes.getOrDefault(app, Map.of()).values());
    }

    /** The volume, even soft-deleted; a 404 {@code app not found} or {@code volume not found} otherwise. */
    VolumeRecord volume(String app, String id) {
        VolumeRecord volume = volumes.getOrDefault(app(app).name(), Map.of()).get(id);
        if (volume == null) {
            throw ApiError.notFound("volume");
        }
        return volume;
    }

    /** Like {@link #volume}, but a soft-deleted volume is a 404 {@code volume not found} too. */
    VolumeRecord liveVolume(String app, String id) {
        VolumeRecord volume = volume(app, id);
        if (volume.destroyed()) {
            throw ApiError.notFound("volume");
        }
        return volume;
    }

    void putVolume(String app, VolumeRecord volume) {
        assert lock.isHeldByCurrentThread();
        volumes.computeIfAbsent(app, a -> new LinkedHashMap<>()).put(volume.id(), volume);
    }

    /** Every volume and machine not destroyed, as {@code "<kind> <id> (app <app>, <state>)"}, apps in order. */
    List<String> liveResources() {
        assert lock.isHeldByCurrentThread();
        List<String> live = new ArrayList<>();
        for (String app : apps.keySet()) {
            volumes.getOrDefault(app, Map.of()).values().stream()
                    .filter(v -> !v.destroyed())
                    .forEach(v -> live.add("volume " + v.id() + " (app " + app + ", " + v.state() + ")"));
            machines.getOrDefault(app, Map.of()).values().stream()
                    .filter(m -> !m.destroyed())
                    .forEach(m -> live.add("machine " + m.id() + " (app " + app + ", " + m.state() + ")"));
        }
        return live;
    }

    // ---- snapshots

    List<SnapshotRecord> snapshots(String volumeId) {
        assert lock.isHeldByCurrentThread();
        return List.copyOf(snapshots.getOrDefault(volumeId, List.of()));
    }

    Optional<SnapshotRecord> findSnapshot(String id) {
        assert lock.isHeldByCurrentThread();
        return snapshots.values().stream()
                .flatMap(List::stream)
                .filter(s -> s.id().equals(id))
                .findFirst();
    }

    void addSnapshot(SnapshotRecord snapshot) {
        assert lock.isHeldByCurrentThread();
        snapshots.computeIfAbsent(snapshot.volumeId(), v -> new ArrayList<>()).add(snapshot);
    }

    // ---- machines

    /** Every machine of the app, destroyed ones included, in creation order. */
    List<MachineRecord> machines(String app) {
        assert lock.isHeldByCurrentThread();
        return List.copyOf(machines.getOrDefault(app, Map.of()).values());
    }

    Optional<MachineRecord> findMachine(String app, String id) {
        assert lock.isHeldByCurrentThread();
        return Optional.ofNullable(machines.getOrDefault(app, Map.of()).get(id));
    }

    /** The machine, even destroyed; a 404 {@code app not found} or {@code not_found: machine not found}. */
    MachineRecord machine(String app, String id) {
        return findMachine(app(app).name(), id).orElseThrow(() -> ApiError.of(404, "not_found: machine not found"));
    }

    /**
     * Like {@link #machine}, but a machine younger than {@code lag} is not found yet: Fly's reads can
     * trail its create for a moment.
     */
    MachineRecord visibleMachine(String app, String id, Duration lag) {
        MachineRecord m = machine(app, id);
        if (!lag.isZero() && m.createdAt().plus(lag).isAfter(java.time.Instant.now())) {
            throw ApiError.of(404, "not_found: machine not found");
        }
        return m;
    }

    void putMachine(String app, MachineRecord machine) {
        assert lock.isHeldByCurrentThread();
        machines.computeIfAbsent(app, a -> new LinkedHashMap<>()).put(machine.id(), machine);
        versionConfigs
                .computeIfAbsent(machine.id(), m -> new LinkedHashMap<>())
                .put(machine.version(), machine.config());
        changed.signalAll();
    }

    /** The config each version of the machine had, oldest first. */
    Map<String, ObjectNode> versionConfigs(String machineId) {
        assert lock.isHeldByCurrentThread();
        return new LinkedHashMap<>(versionConfigs.getOrDefault(machineId, Map.of()));
    }

    /** Marks the machine cordoned (Fly's proxy sends it no traffic) or not. */
    void cordon(String machineId, boolean cordoned) {
        assert lock.isHeldByCurrentThread();
        if (cordoned) {
            this.cordoned.add(machineId);
        } else {
            this.cordoned.remove(machineId);
        }
    }

    boolean cordoned(String machineId) {
        assert lock.isHeldByCurrentThread();
        return cordoned.contains(machineId);
    }

    /** The machine's events, oldest first. */
    List<MachineEventRecord> events(String machineId) {
        assert lock.isHeldByCurrentThread();
        return List.copyOf(events.getOrDefault(machineId, List.of()));
    }

    void addEvent(String machineId, MachineEventRecord event) {
        assert lock.isHeldByCurrentThread();
        List<MachineEventRecord> list = events.computeIfAbsent(machineId, m -> new ArrayList<>());
        list.add(event);
        if (list.size() > MAX_EVENTS) {
            list.removeFirst();
        }
        changed.signalAll();
    }

    // ---- leases

    /** The machine's lease, possibly expired, or null. */
    LeaseRecord lease(String machineId) {
        assert lock.isHeldByCurrentThread();
        return leases.get(machineId);
    }

    /** Stores the machine's lease, or drops it when {@code lease} is null. */
    void putLease(String machineId, LeaseRecord lease) {
        assert lock.isHeldByCurrentThread();
        if (lease == null) {
            leases.remove(machineId);
        } else {
            leases.put(machineId, lease);
        }
    }

    // ---- logs

    /** The app's retained log lines (created on first use). */
    AppLogs logs(String app) {
        assert lock.isHeldByCurrentThread();
        return logs.computeIfAbsent(app, a -> new AppLogs());
    }
}

package io.flaude.emulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The emulator's in-memory state: apps, their volumes and the volumes' snapshots. One lock guards it
 * all; every method except {@link #locked} must be called from inside {@link #locked}.
 */
final class Store {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, AppRecord> apps = new LinkedHashMap<>();
    /** App name, then volume id, in creation order. */
    private final Map<String, Map<String, VolumeRecord>> volumes = new HashMap<>();
    /** Volume id, then its snapshots in creation order. */
    private final Map<String, List<SnapshotRecord>> snapshots = new HashMap<>();
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
        return apps.values().stream().filter(a -> key.equals(a.idempotencyKey())).findFirst();
    }

    void putApp(AppRecord app) {
        assert lock.isHeldByCurrentThread();
        apps.put(app.name(), app);
        volumes.putIfAbsent(app.name(), new LinkedHashMap<>());
    }

    /** Forgets the app with its volumes and their snapshots. */
    void removeApp(String name) {
        assert lock.isHeldByCurrentThread();
        apps.remove(name);
        Map<String, VolumeRecord> gone = volumes.remove(name);
        if (gone != null) {
            gone.keySet().forEach(snapshots::remove);
        }
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

    // ---- snapshots

    List<SnapshotRecord> snapshots(String volumeId) {
        assert lock.isHeldByCurrentThread();
        return List.copyOf(snapshots.getOrDefault(volumeId, List.of()));
    }

    Optional<SnapshotRecord> findSnapshot(String id) {
        assert lock.isHeldByCurrentThread();
        return snapshots.values().stream().flatMap(List::stream).filter(s -> s.id().equals(id)).findFirst();
    }

    void addSnapshot(SnapshotRecord snapshot) {
        assert lock.isHeldByCurrentThread();
        snapshots.computeIfAbsent(snapshot.volumeId(), v -> new ArrayList<>()).add(snapshot);
    }
}

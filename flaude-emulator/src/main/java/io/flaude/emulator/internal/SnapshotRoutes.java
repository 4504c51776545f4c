package io.flaude.emulator.internal;

import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;

/** The volume snapshot operations: list and create. */
final class SnapshotRoutes {
    private static final String SNAPSHOTS = VolumeRoutes.VOLUME + "/snapshots";

    private final Store store;
    private final EmulatorConfig config;
    private final VolumeFiles files;

    SnapshotRoutes(Store store, EmulatorConfig config, VolumeFiles files) {
        this.store = store;
        this.config = config;
        this.files = files;
    }

    void registerOn(Router router) {
        router.add("GET", SNAPSHOTS, "Volumes_list_snapshots", this::list);
        router.add("POST", SNAPSHOTS, "createVolumeSnapshot", this::create);
    }

    /** The snapshots taken on demand that are ready, oldest first (no automatic daily ones). */
    private ApiResponse list(ApiRequest request) {
        return store.locked(() -> {
            VolumeRecord volume = store.volume(request.param("app_name"), request.param("volume_id"));
            Instant now = Instant.now();
            ArrayNode body = Json.array();
            store.snapshots(volume.id()).stream()
                    .filter(snapshot -> snapshot.visibleAt(now))
                    .forEach(snapshot -> body.add(Views.snapshot(snapshot)));
            return ApiResponse.of(200, body);
        });
    }

    /**
     * 200 with no body, as the spec declares; the snapshot shows up in the list after {@code snapshotDelay}.
     * It copies the volume's files as they are now, for a restore to start with.
     */
    private ApiResponse create(ApiRequest request) {
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            VolumeRecord volume = store.liveVolume(app, request.param("volume_id"));
            Instant now = Instant.now();
            var snapshot = new SnapshotRecord(
                    Ids.snapshotId(),
                    volume.id(),
                    Views.USED_BYTES,
                    volume.sizeGb(),
                    Ids.digest(),
                    now,
                    volume.snapshotRetention(),
                    now.plus(config.snapshotDelay()));
            files.copy(files.volume(app, volume.id()), files.snapshot(snapshot.id()));
            store.addSnapshot(snapshot);
            return ApiResponse.empty(200);
        });
    }
}

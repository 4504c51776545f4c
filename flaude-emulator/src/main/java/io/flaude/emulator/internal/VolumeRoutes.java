package io.flaude.emulator.internal;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;

/** The Volume operations on existing volumes: list, get, update, delete and extend. */
final class VolumeRoutes {
    static final String VOLUMES = "/v1/apps/{app_name}/volumes";
    static final String VOLUME = VOLUMES + "/{volume_id}";
    private static final int MAX_LIST_LIMIT = 1000;

    private final Store store;

    VolumeRoutes(Store store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", VOLUMES, "Volumes_list", this::list);
        router.add("GET", VOLUME, "Volumes_get_by_id", this::get);
        router.add("PUT", VOLUME, "Volumes_update", this::update);
        router.add("DELETE", VOLUME, "Volume_delete", this::delete);
        router.add("PUT", VOLUME + "/extend", "Volumes_extend", this::extend);
    }

    /** Every volume, soft-deleted ones included; {@code limit} turns on paging with {@code fly-next-cursor}. */
    private ApiResponse list(ApiRequest request) {
        boolean summary = request.flag("summary");
        Integer limit = request.intQuery("limit", 1, MAX_LIST_LIMIT);
        String cursor = request.query("cursor");
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            var page = Paging.page(store.volumes(app), VolumeRecord::seq, limit, cursor);
            Instant now = Instant.now();
            ArrayNode body = Json.array();
            page.items().forEach(volume -> body.add(Views.volume(volume, now, summary)));
            ApiResponse response = ApiResponse.of(200, body);
            return page.nextCursor() == null ? response : response.withHeader("fly-next-cursor", page.nextCursor());
        });
    }

    /** A soft-deleted volume is still returned, in its {@code pending_destroy} state. */
    private ApiResponse get(ApiRequest request) {
        return store.locked(() -> render(store.volume(request.param("app_name"), request.param("volume_id"))));
    }

    /** Only {@code snapshot_retention} and {@code auto_backup_enabled} can change; other fields are ignored. */
    private ApiResponse update(ApiRequest request) {
        RequestBody body = request.body();
        Integer retention = body.integer("snapshot_retention");
        if (retention != null) {
            VolumeLimits.requireRetention(retention);
        }
        Boolean autoBackup = body.bool("auto_backup_enabled");
        return store.locked(() -> {
            VolumeRecord volume = live(request);
            return save(
                    request,
                    volume.withBackups(
                            Objects.requireNonNullElse(retention, volume.snapshotRetention()),
                            Objects.requireNonNullElse(autoBackup, volume.autoBackupEnabled())));
        });
    }

    /**
     * A soft delete: the volume turns {@code pending_destroy} and stays listed. Deleting it again is a
     * 404 (unverified: Fly keeps the volume for 24 h, and its answer to a second delete is not documented).
     */
    private ApiResponse delete(ApiRequest request) {
        return store.locked(() -> {
            VolumeRecord volume = live(request);
            if (volume.attachedMachineId() != null) {
                throw ApiError.of(
                        412,
                        "failed_precondition: volume is currently bound to machine: " + volume.attachedMachineId());
            }
            return save(request, volume.withState(VolumeRecord.PENDING_DESTROY, null));
        });
    }

    /** Grow only. {@code needs_restart} is true when a machine has it mounted. */
    private ApiResponse extend(ApiRequest request) {
        Integer size = request.body().integer("size_gb");
        if (size == null) {
            throw ApiError.invalid("size_gb is required");
        }
        return store.locked(() -> {
            VolumeRecord volume = live(request);
            if (size <= volume.sizeGb()) {
                throw ApiError.invalid("new size must be greater than the current size (" + volume.sizeGb() + " GB)");
            }
            VolumeRecord grown = volume.withSize(VolumeLimits.requireSize(size));
            store.putVolume(request.param("app_name"), grown);
            var body = Json.object();
            body.set("volume", Views.volume(grown, Instant.now(), false));
            body.put("needs_restart", grown.attachedMachineId() != null);
            return ApiResponse.of(200, body);
        });
    }

    private VolumeRecord live(ApiRequest request) {
        return store.liveVolume(request.param("app_name"), request.param("volume_id"));
    }

    private ApiResponse save(ApiRequest request, VolumeRecord volume) {
        store.putVolume(request.param("app_name"), volume);
        return render(volume);
    }

    private static ApiResponse render(VolumeRecord volume) {
        return ApiResponse.of(200, Views.volume(volume, Instant.now(), false));
    }
}

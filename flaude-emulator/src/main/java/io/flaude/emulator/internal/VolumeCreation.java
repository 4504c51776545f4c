package io.flaude.emulator.internal;

import static java.util.Objects.requireNonNullElse;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Volume creation: a blank volume, a fork ({@code source_volume_id}) or a restore ({@code snapshot_id}). */
final class VolumeCreation {
    /**
     * The name rule we enforce. Fly's exact rule is unverified: reports disagree on dashes, and
     * underscores with at most 30 characters is the strictest one seen (field notes, item 20).
     */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,30}");

    private static final Set<String> FSTYPES = Set.of("ext4", "raw");

    private final Store store;
    private final EmulatorConfig config;
    private final VolumeFiles files;

    /**
     * Where a new volume's contents come from, which decides its size floor, its first state and the
     * directory whose files it starts with (null for a blank volume).
     */
    private record Origin(int sizeGb, String state, Instant settlesAt, Path contents) {}

    VolumeCreation(Store store, EmulatorConfig config, VolumeFiles files) {
        this.store = store;
        this.config = config;
        this.files = files;
    }

    void registerOn(Router router) {
        router.add("POST", VolumeRoutes.VOLUMES, "Volumes_create", this::create);
    }

    /**
     * 200 (not 201) with the full volume. {@code compute}, {@code compute_image},
     * {@code unique_zone_app_wide} and {@code machines_only} are placement hints: accepted, ignored.
     */
    private ApiResponse create(ApiRequest request) {
        RequestBody body = request.body();
        String name = body.string("name");
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiError.invalid("volume name must be 1-30 lowercase letters, digits or underscores");
        }
        String region = Regions.require(body.nonEmptyString("region"));
        Integer size = body.integer("size_gb");
        if (size != null) {
            VolumeLimits.requireSize(size);
        }
        int retention = VolumeLimits.requireRetention(
                requireNonNullElse(body.integer("snapshot_retention"), VolumeLimits.DEFAULT_RETENTION_DAYS));
        String fstype = requireNonNullElse(body.nonEmptyString("fstype"), "ext4");
        if (!FSTYPES.contains(fstype)) {
            throw ApiError.invalid("fstype must be ext4 or raw");
        }
        boolean encrypted = requireNonNullElse(body.bool("encrypted"), true);
        boolean autoBackup = requireNonNullElse(body.bool("auto_backup_enabled"), true);
        boolean uniqueZone = requireNonNullElse(body.bool("require_unique_zone"), true);
        String sourceId = body.nonEmptyString("source_volume_id");
        String snapshotId = body.nonEmptyString("snapshot_id");
        if (sourceId != null && snapshotId != null) {
            // Unverified: a volume can have only one origin, so we refuse both at once.
            throw ApiError.invalid("set source_volume_id or snapshot_id, not both");
        }
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            Instant now = Instant.now();
            Origin origin = origin(app, sourceId, snapshotId, size, now);
            var volume = new VolumeRecord(
                    store.nextSeq(),
                    Ids.volumeId(),
                    name,
                    region,
                    zone(app, name, uniqueZone),
                    origin.sizeGb(),
                    encrypted,
                    fstype,
                    retention,
                    autoBackup,
                    now,
                    origin.state(),
                    origin.settlesAt(),
                    null);
            store.putVolume(app, volume);
            if (origin.contents() != null) {
                // A fork or restore starts with the source's files (copied at once; hydrating is only a state).
                files.copy(origin.contents(), files.volume(app, volume.id()));
            }
            return ApiResponse.of(200, Views.volume(volume, now, false));
        });
    }

    private Origin origin(String app, String sourceId, String snapshotId, Integer size, Instant now) {
        if (sourceId != null) {
            VolumeRecord source = store.liveVolume(app, sourceId);
            return new Origin(
                    atLeast(size, source.sizeGb(), "the source volume"),
                    VolumeRecord.HYDRATING,
                    now.plus(config.forkHydrationDelay()),
                    files.volume(app, source.id()));
        }
        if (snapshotId != null) {
            // Snapshot ids are looked up across the emulator's one org (unverified whether Fly limits a
            // restore to the snapshot's own app). A snapshot still being taken cannot be restored yet.
            SnapshotRecord snapshot = store.findSnapshot(snapshotId)
                    .filter(s -> s.visibleAt(now))
                    .orElseThrow(() -> ApiError.notFound("snapshot"));
            return new Origin(
                    atLeast(size, snapshot.volumeSizeGb(), "the snapshot's source volume"),
                    VolumeRecord.RESTORING,
                    now.plus(config.restoreDelay()),
                    files.snapshot(snapshot.id()));
        }
        return new Origin(requireNonNullElse(size, VolumeLimits.DEFAULT_SIZE_GB), VolumeRecord.CREATED, null, null);
    }

    /** The requested size, defaulting to {@code floor} and never below it (DOCS-VO). */
    private static int atLeast(Integer requested, int floor, String what) {
        if (requested == null) {
            return floor;
        }
        if (requested < floor) {
            throw ApiError.invalid("size_gb " + requested + " is smaller than " + what + " (" + floor + " GB)");
        }
        return requested;
    }

    /**
     * A random zone. With {@code require_unique_zone} it avoids the zones of the app's live volumes of
     * the same name; there are 65,536 zones here, so unlike Fly this never runs out.
     */
    private String zone(String app, String name, boolean unique) {
        Set<String> taken = !unique
                ? Set.of()
                : store.volumes(app).stream()
                        .filter(v -> !v.destroyed() && v.name().equals(name))
                        .map(VolumeRecord::zone)
                        .collect(Collectors.toSet());
        String zone;
        do {
            zone = Ids.zone();
        } while (taken.contains(zone));
        return zone;
    }
}

package io.flaude.fly;

import io.flaude.fly.internal.Bodies;
import io.flaude.fly.internal.Calls;
import io.flaude.fly.internal.FlyRequest;
import io.flaude.fly.internal.FlyResponse;
import io.flaude.fly.internal.HttpTransport;
import io.flaude.fly.internal.Validation;
import io.flaude.fly.internal.VolumeCodec;
import io.flaude.fly.internal.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The volumes of one Fly app: create (with the Python flaude's defaults), list, get, update, extend,
 * snapshots, fork, restore, destroy (404 means already gone; optionally waiting out the
 * "volume is currently bound" window), and waits. Every argument is checked before any request.
 * Obtain it from {@link FlyClient#volumes(String)}; it is immutable and thread-safe.
 */
public final class Volumes {
    private static final Logger LOG = LoggerFactory.getLogger(Volumes.class);

    /** How long {@link #destroy(String, Duration)} waits for a destroyed machine to let go by default. */
    public static final Duration DEFAULT_DETACH_WAIT = Duration.ofSeconds(90);

    private final HttpTransport http;
    private final String app;
    private final String path;

    Volumes(HttpTransport http, String app) {
        this.http = http;
        this.app = Validation.appName(app);
        this.path = "/apps/" + app + "/volumes";
    }

    /** The app these volumes belong to. */
    public String app() {
        return app;
    }

    /** Creates a volume with the defaults: {@code flaude_session} in {@code iad}, 1 GB. */
    public Volume create() {
        return create(VolumeSpec.defaults());
    }

    /** Creates a volume; fields of {@code spec} left {@code null} are not sent. */
    public Volume create(VolumeSpec spec) {
        validate(spec);
        LOG.info("Creating volume in app '{}' region={} size={}GB", app, spec.region(), spec.sizeGb());
        Instant asked = Instant.now();
        Volume volume = Calls.createReconciled(
                http,
                "volume create in app '" + app + "'",
                () -> VolumeCodec.volume(
                        Bodies.object(http.send(FlyRequest.post(path, VolumeCodec.createBody(spec))), "create-volume"),
                        app),
                () -> madeBy(spec, asked),
                LOG);
        LOG.info("Volume {} created (region={}, size={}GB)", volume.id(), volume.region(), volume.sizeGb());
        return volume;
    }

    /**
     * The volume a create of {@code spec} made if its answer was lost: the one live volume with that
     * name and region created since {@code asked} (less a minute of clock skew). Volume names are not
     * unique on Fly, so two creates of the same name at once cannot be told apart: then none is adopted.
     */
    private Optional<Volume> madeBy(VolumeSpec spec, Instant asked) {
        Instant since = asked.minus(Duration.ofMinutes(1));
        List<Volume> candidates = list(VolumeListOptions.LIVE).stream()
                .filter(v -> v.name().equals(spec.name()) && v.region().equals(spec.region()))
                .filter(v -> v.createdAt() == null || !v.createdAt().isBefore(since))
                .toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Every volume the API returns, in every state (destroyed ones are listed for a while). */
    public List<Volume> list() {
        return list(VolumeListOptions.ALL);
    }

    /** Lists volumes, following {@code fly-next-cursor} pages until the last. */
    public List<Volume> list(VolumeListOptions options) {
        if (options.pageSize() != 0 && (options.pageSize() < 1 || options.pageSize() > 1000)) {
            throw new FlyValidationException("invalid page size " + options.pageSize() + ": must be 1-1000");
        }
        FlyRequest request = FlyRequest.get(path);
        if (options.summary()) {
            request = request.withQuery("summary", "true");
        }
        if (options.pageSize() > 0) {
            request = request.withQuery("limit", Integer.toString(options.pageSize()));
        }
        return Calls.allPages(http, request, r -> {
            List<Volume> page = new ArrayList<>();
            for (JsonNode v : Bodies.array(r, "list-volumes")) {
                Volume volume = VolumeCodec.volume(v, app);
                if (!options.excludeGone() || !volume.isGone()) {
                    page.add(volume);
                }
            }
            return new Calls.Page<>(page, r.header("fly-next-cursor"));
        });
    }

    /** The volume, or {@link FlyNotFoundException}. */
    public Volume get(String volumeId) {
        FlyResponse r = http.send(FlyRequest.get(volumePath(volumeId)));
        return VolumeCodec.volume(Bodies.object(r, "get-volume"), app);
    }

    /** The volume, or empty when Fly does not know it. */
    public Optional<Volume> find(String volumeId) {
        return Calls.findOrEmpty(() -> get(volumeId));
    }

    /** Changes snapshot retention and/or daily backups; {@code null} fields are left as they are. */
    public Volume update(String volumeId, VolumeUpdate update) {
        if (update.snapshotRetention() != null) {
            Validation.retentionDays(update.snapshotRetention());
        }
        FlyResponse r = http.send(FlyRequest.put(volumePath(volumeId), VolumeCodec.updateBody(update)));
        return VolumeCodec.volume(Bodies.object(r, "update-volume"), app);
    }

    /** Grows the volume to {@code newSizeGb} in total (Fly refuses to shrink). */
    public ExtendedVolume extend(String volumeId, int newSizeGb) {
        Validation.sizeGb(newSizeGb);
        FlyResponse r = http.send(FlyRequest.put(volumePath(volumeId) + "/extend", VolumeCodec.extendBody(newSizeGb)));
        JsonNode body = Bodies.object(r, "extend-volume");
        if (!body.path("volume").isObject()) {
            throw Bodies.invalid(r, "extend-volume", "no volume in the answer");
        }
        return new ExtendedVolume(
                VolumeCodec.volume(body.path("volume"), app),
                body.path("needs_restart").asBoolean(false));
    }

    /** The volume's snapshots, as Fly lists them. */
    public List<Snapshot> snapshots(String volumeId) {
        FlyResponse r = http.send(FlyRequest.get(volumePath(volumeId) + "/snapshots"));
        List<Snapshot> snapshots = new ArrayList<>();
        for (JsonNode s : Bodies.array(r, "list-snapshots")) {
            snapshots.add(VolumeCodec.snapshot(s));
        }
        return snapshots;
    }

    /** Asks Fly to take a snapshot now; it appears in {@link #snapshots(String)} once taken. */
    public void createSnapshot(String volumeId) {
        http.send(FlyRequest.post(volumePath(volumeId) + "/snapshots", null));
        LOG.info("Snapshot of volume {} requested", volumeId);
    }

    /** Forks a volume into a new one with the same name, region and size (read from the source). */
    public Volume fork(String sourceVolumeId) {
        Volume source = get(sourceVolumeId);
        return fork(
                sourceVolumeId,
                VolumeSpec.builder()
                        .name(source.name())
                        .region(source.region())
                        .sizeGb(Math.max(source.sizeGb(), Validation.MIN_SIZE_GB))
                        .build());
    }

    /** Forks a volume into a new one described by {@code spec}; it is {@code hydrating}, then {@code created}. */
    public Volume fork(String sourceVolumeId, VolumeSpec spec) {
        Validation.volumeId(sourceVolumeId);
        return create(spec.toBuilder().sourceVolumeId(sourceVolumeId).build());
    }

    /**
     * Restores a snapshot into a new volume ({@code restoring}, then {@code created}); it must be at least as big as
     * the snapshot's source.
     */
    public Volume restore(String snapshotId, VolumeSpec spec) {
        Validation.snapshotId(snapshotId);
        return create(spec.toBuilder().snapshotId(snapshotId).build());
    }

    /**
     * Destroys the volume. A 404 means it is already gone: that is success ({@code false} is
     * returned). Any other error is raised, including 412 while a machine still holds it.
     *
     * @return true if this call destroyed it, false if it was already gone
     */
    public boolean destroy(String volumeId) {
        return destroy(volumeId, Duration.ZERO);
    }

    /**
     * Destroys the volume, retrying with backoff while Fly says it is still bound to a machine (as it
     * does for up to a minute after the machine is destroyed), until {@code waitForDetach} has passed.
     */
    public boolean destroy(String volumeId, Duration waitForDetach) {
        String url = volumePath(volumeId);
        return new Waits(http.clock())
                .retryWhileBound(
                        volumeId,
                        waitForDetach,
                        () -> Calls.deleteIfPresent(http, FlyRequest.delete(url), "Volume " + volumeId, LOG));
    }

    /**
     * Waits until the volume is in {@code state}, polling (backing off from 100 ms to 1 s); returns it
     * as last read. At the deadline raises {@link FlyTimeoutException} carrying the volume last read.
     */
    public Volume waitFor(String volumeId, VolumeState state, Duration timeout) {
        return waitUntil(volumeId, v -> v.state() == state, "state '" + state.wire() + "'", timeout);
    }

    /** Waits until no machine holds the volume; returns it as last read. */
    public Volume waitForDetach(String volumeId, Duration timeout) {
        return waitUntil(volumeId, v -> !v.isAttached(), "detached", timeout);
    }

    /** Waits until {@code condition} holds for the volume, polling as {@link #waitFor} does. */
    public Volume waitUntil(String volumeId, Predicate<Volume> condition, Duration timeout) {
        return waitUntil(volumeId, condition, "what was asked", timeout);
    }

    private Volume waitUntil(String volumeId, Predicate<Volume> condition, String description, Duration timeout) {
        Validation.volumeId(volumeId);
        return new Waits(http.clock())
                .poll(
                        "volume " + volumeId,
                        description,
                        timeout,
                        () -> get(volumeId),
                        condition,
                        Volume::stateAsString);
    }

    /**
     * Checks a volume id as every call here does before sending it (they look like
     * {@code vol_9vw681egy1jj5xm4}), so a caller can refuse a whole batch before the first request.
     *
     * @return the id
     * @throws FlyValidationException when it is not a volume id
     */
    public static String checkId(String volumeId) {
        return Validation.volumeId(volumeId);
    }

    /**
     * Checks a spec as {@link #create(VolumeSpec)} does before sending it, so a caller can refuse bad
     * input before any request of its own.
     *
     * @throws FlyValidationException when a field is not allowed
     */
    public static VolumeSpec check(VolumeSpec spec) {
        validate(spec);
        return spec;
    }

    private String volumePath(String volumeId) {
        return path + "/" + Validation.volumeId(volumeId);
    }

    private static void validate(VolumeSpec spec) {
        Validation.volumeName(spec.name());
        Validation.region(spec.region());
        Validation.sizeGb(spec.sizeGb());
        if (spec.snapshotRetention() != null) {
            Validation.retentionDays(spec.snapshotRetention());
        }
        if (spec.fstype() != null) {
            Validation.fstype(spec.fstype());
        }
        if (spec.snapshotId() != null) {
            Validation.snapshotId(spec.snapshotId());
        }
        if (spec.sourceVolumeId() != null) {
            Validation.volumeId(spec.sourceVolumeId());
        }
    }
}

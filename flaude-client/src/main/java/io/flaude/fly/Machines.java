package io.flaude.fly;

import io.flaude.fly.internal.Bodies;
import io.flaude.fly.internal.Calls;
import io.flaude.fly.internal.Clock;
import io.flaude.fly.internal.FlyRequest;
import io.flaude.fly.internal.FlyResponse;
import io.flaude.fly.internal.HttpTransport;
import io.flaude.fly.internal.Json;
import io.flaude.fly.internal.MachineCodec;
import io.flaude.fly.internal.Validation;
import io.flaude.fly.internal.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machines of one Fly app: create, get, list, update (POST, as Fly documents it), start, stop,
 * destroy, leases, events and waits. A machine someone leased is changed through {@link #leased(Lease)},
 * a view whose update, start, stop and destroy send the lease's nonce. Obtain it from
 * {@link FlyClient#machines(String)}; it is immutable and thread-safe.
 */
public final class Machines {
    private static final Logger LOG = LoggerFactory.getLogger(Machines.class);
    static final String NONCE_HEADER = "fly-machine-lease-nonce";
    /** The metadata key of the id each create carries, to find a machine whose create answer was lost. */
    public static final String CREATE_ID = "flaude_create_id";
    /** Fly's longest single {@code /wait}; longer waits are chained. */
    static final int MAX_WAIT_SECONDS = 60;

    private final HttpTransport http;
    private final String app;
    private final String path;
    private final Long minSecretsVersion;
    private final Lease lease;

    Machines(HttpTransport http, String app) {
        this(http, Validation.appName(app), null, null);
    }

    private Machines(HttpTransport http, String app, Long minSecretsVersion, Lease lease) {
        this.http = http;
        this.app = app;
        this.path = "/apps/" + app + "/machines";
        this.minSecretsVersion = minSecretsVersion;
        this.lease = lease;
    }

    /**
     * These machines, with every create and update asking Fly to boot with at least app secrets
     * {@code version} ({@code min_secrets_version}; the number {@link Secrets#set} returns), so a machine
     * never starts on a host that has not seen a secret just set.
     */
    public Machines requiringSecrets(long version) {
        if (version < 0) {
            throw new FlyValidationException("a secrets version is never negative; got " + version);
        }
        return new Machines(http, app, version, lease);
    }

    /**
     * These machines as the holder of {@code lease}: update, start, stop and destroy of its machine send the
     * lease's nonce (Fly refuses them to anyone else while the lease lives); the same calls on another
     * machine are refused before any request.
     */
    public Machines leased(Lease lease) {
        return new Machines(http, app, minSecretsVersion, Objects.requireNonNull(lease, "lease"));
    }

    /** The app these machines belong to. */
    public String app() {
        return app;
    }

    /** Creates and boots a machine where Fly chooses (the mounted volume's region, if any). */
    public Machine create(MachineConfig config) {
        return create(config, Optional.empty(), body -> {}, answer -> {});
    }

    /**
     * Checks {@code config} and {@code region} as {@link #create(MachineConfig, String)} would, without a
     * request: for work that must happen before the create (setting secrets) and only if it can succeed.
     */
    public void check(MachineConfig config, String region) {
        validate(config);
        Validation.region(region);
    }

    /** Creates and boots a machine in {@code region}. */
    public Machine create(MachineConfig config, String region) {
        return create(config, Optional.of(Validation.region(region)), body -> {}, answer -> {});
    }

    /**
     * Creates and boots a machine in {@code region} that is leased from birth (Fly's {@code lease_ttl}): no
     * other process can update, stop or destroy it while the returned lease lives, and anyone can see the
     * lease ({@link #findLease}). The lease is held and refreshed at once; close it when done. Use it as
     * the mark of live work that a reaper must leave alone.
     *
     * @param description what holds the lease, set with its first refresh (Fly's create takes none)
     * @return the machine and its held lease; the lease is {@code null} only when a create whose answer was
     *     lost left no lease to find again
     */
    public LeasedMachine createLeased(MachineConfig config, String region, Duration ttl, String description) {
        if (ttl.toSeconds() < 1) {
            throw new FlyValidationException("a lease lives at least 1 s; got " + ttl);
        }
        Instant asked = http.clock().now();
        String[] nonce = new String[1];
        Machine m = create(
                config,
                Optional.of(Validation.region(region)),
                body -> body.put("lease_ttl", ttl.toSeconds()),
                answer -> nonce[0] = Json.string(answer, "nonce", null));
        // A lost answer's machine was found by its mark: no one else knows it yet, so the lease on it is the one
        // this create took, and its nonce is read back (as a lost acquire's is).
        String held = nonce[0] != null
                ? nonce[0]
                : findLease(m.id()).map(Lease::nonce).orElse(null);
        if (held == null) {
            LOG.warn("Machine {} was created leased, but its lease could not be found again", m.id());
            return new LeasedMachine(m, null);
        }
        return new LeasedMachine(m, hold(new Lease(m.id(), held, asked.plus(ttl), null, description), ttl));
    }

    /**
     * Every create carries a fresh {@value #CREATE_ID} in its metadata, so a create whose answer was
     * lost is found (and adopted) instead of made twice.
     */
    private Machine create(
            MachineConfig config, Optional<String> region, Consumer<ObjectNode> extra, Consumer<JsonNode> answered) {
        String createId = UUID.randomUUID().toString();
        MachineConfig tagged =
                validate(config).toBuilder().metadata(CREATE_ID, createId).build();
        ObjectNode body = requestBody(tagged);
        region.ifPresent(r -> body.put("region", r));
        extra.accept(body);
        Machine m = Calls.createReconciled(
                http,
                "machine create in app '" + app + "'",
                () -> {
                    JsonNode answer = Bodies.object(http.send(FlyRequest.post(path, body)), "create-machine");
                    answered.accept(answer);
                    return MachineCodec.machine(answer, app);
                },
                () -> list(MachineListOptions.withMetadata(CREATE_ID, createId).includingDeleted()).stream()
                        .findFirst(),
                LOG);
        LOG.info("Machine {} created in app '{}' (region={}, state={})", m.id(), app, m.region(), m.stateAsString());
        return m;
    }

    /** The machine, or {@link FlyNotFoundException}. */
    public Machine get(String machineId) {
        return MachineCodec.machine(
                Bodies.object(http.send(FlyRequest.get(machinePath(machineId))), "get-machine"), app);
    }

    /** The machine, or empty when Fly does not know it. */
    public Optional<Machine> find(String machineId) {
        return Calls.findOrEmpty(() -> get(machineId));
    }

    /** The machines that are not deleted, all pages. */
    public List<Machine> list() {
        return list(MachineListOptions.DEFAULT);
    }

    /** Lists machines, following {@code fly-next-cursor} pages until the last. */
    public List<Machine> list(MachineListOptions options) {
        FlyRequest request = FlyRequest.get(path);
        if (options.includeDeleted()) {
            request = request.withQuery("include_deleted", "true");
        }
        for (Map.Entry<String, String> e : options.metadata().entrySet()) {
            request = request.withQuery("metadata." + e.getKey(), e.getValue());
        }
        return Calls.allPages(http, request, r -> {
            List<Machine> page = new ArrayList<>();
            for (JsonNode m : Bodies.array(r, "list-machines")) {
                page.add(MachineCodec.machine(m, app));
            }
            return new Calls.Page<>(page, r.header("fly-next-cursor"));
        });
    }

    /** Replaces the machine's config (a new instance id results). A running machine is restarted on it. */
    public Machine update(String machineId, MachineConfig config) {
        String nonce = nonce(machineId);
        ObjectNode body = requestBody(validate(config));
        // Repeating an update makes one more version of the same config: harmless, so it is retried.
        FlyResponse r = http.send(
                FlyRequest.post(machinePath(machineId), body).asRepeatable().withHeader(NONCE_HEADER, nonce));
        return MachineCodec.machine(Bodies.object(r, "update-machine"), app);
    }

    /**
     * Starts a stopped machine. A start whose answer was lost is repeated; if the first one took
     * effect, the repeat answers 412 {@code machine still active} ({@link FlyConflictException}).
     */
    public void start(String machineId) {
        http.send(FlyRequest.post(machinePath(machineId) + "/start", null)
                .asRepeatable()
                .withHeader(NONCE_HEADER, nonce(machineId)));
    }

    /** Stops a running machine (Fly sends its stop signal, then kills it after the stop timeout). */
    public void stop(String machineId) {
        http.send(FlyRequest.post(machinePath(machineId) + "/stop", Json.object())
                .asRepeatable()
                .withHeader(NONCE_HEADER, nonce(machineId)));
    }

    /**
     * Destroys the machine ({@code force} kills it if running). A 404 means already gone.
     *
     * @return true if this call destroyed it, false if it was already gone
     */
    public boolean destroy(String machineId, boolean force) {
        FlyRequest request = FlyRequest.delete(machinePath(machineId)).withHeader(NONCE_HEADER, nonce(machineId));
        return Calls.deleteIfPresent(
                http, force ? request.withQuery("force", "true") : request, "Machine " + machineId, LOG);
    }

    /**
     * Takes a lease for {@code ttl}; a lease held by someone else raises {@link FlyConflictException}.
     * The description gets a unique tag, so an acquire whose answer was lost is recognised (and the
     * lease adopted) instead of locking the caller out until it expires.
     */
    public Lease acquireLease(String machineId, Duration ttl, String description) {
        String tagged = (description == null ? "" : description + " ") + "["
                + UUID.randomUUID().toString().substring(0, 8) + "]";
        return Calls.createReconciled(
                http,
                "lease on machine " + machineId,
                () -> lease(machineId, ttl, tagged, null),
                () -> findLease(machineId).filter(l -> tagged.equals(l.description())),
                LOG);
    }

    /** The live lease on the machine, with its nonce, or empty when it has none (Fly's GET answers 404). */
    public Optional<Lease> findLease(String machineId) {
        return Calls.findOrEmpty(() -> {
            FlyResponse r = http.send(FlyRequest.get(machinePath(machineId) + "/lease"));
            return MachineCodec.lease(Bodies.object(r, "get-lease"), machineId);
        });
    }

    /**
     * Keeps {@code lease} alive from now on: refreshed for {@code ttl} at half of it in the background, on
     * this client's clock, until the handle is closed (which releases it) or left to linger.
     */
    public HeldLease hold(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        if (ttl.toSeconds() < 1) {
            throw new FlyValidationException("a lease lives at least 1 s; got " + ttl);
        }
        return new HeldLease(this, http.clock(), lease, ttl);
    }

    /** Extends a lease we hold; returns it with its new expiry. */
    public Lease refreshLease(Lease lease, Duration ttl) {
        return lease(lease.machineId(), ttl, lease.description(), lease.nonce());
    }

    /** Gives a lease back; an already expired or released lease is fine. */
    public void releaseLease(Lease lease) {
        try {
            http.send(FlyRequest.delete(machinePath(lease.machineId()) + "/lease")
                    .withHeader(NONCE_HEADER, lease.nonce()));
        } catch (FlyNotFoundException e) {
            LOG.debug("Lease on machine {} already gone", lease.machineId());
        }
    }

    private Lease lease(String machineId, Duration ttl, String description, String nonce) {
        ObjectNode body = Json.object();
        body.put("ttl", Math.max(1, ttl.toSeconds()));
        if (description != null) {
            body.put("description", description);
        }
        FlyResponse r = http.send(
                FlyRequest.post(machinePath(machineId) + "/lease", body).withHeader(NONCE_HEADER, nonce));
        Lease lease = MachineCodec.lease(Bodies.object(r, "acquire-lease"), machineId);
        if (lease.nonce() == null) {
            throw Bodies.invalid(r, "acquire-lease", "no nonce in the answer");
        }
        return lease;
    }

    /** The machine's events, newest first. */
    public List<MachineEvent> events(String machineId) {
        List<MachineEvent> events = new ArrayList<>();
        for (JsonNode e : Bodies.array(http.send(FlyRequest.get(machinePath(machineId) + "/events")), "list-events")) {
            events.add(MachineCodec.event(e));
        }
        return events;
    }

    /**
     * Waits until the instance {@code started} describes (the answer of a create or update) is in
     * {@code state}: pinned to that instance, so an older or newer run of the machine never answers
     * for it. See {@link #waitFor(String, MachineState, Duration)}.
     */
    public Machine waitFor(Machine started, MachineState state, Duration timeout) {
        return waitFor(started.id(), state, started.instanceId(), timeout);
    }

    /**
     * Waits until the machine is in {@code state}, chaining Fly's {@code /wait} long-polls (at most 60 s
     * each; a 408 means wait again) under one overall deadline, then returns the machine as read
     * afterwards. States {@code /wait} does not serve are polled with GET, as {@link #waitUntil} does. A
     * wait for {@code stopped} is pinned to the machine's current instance (one GET first), as Fly asks.
     * Raises {@link FlyTimeoutException} carrying the machine last read, and
     * {@link FlyNotFoundException} if the machine vanished.
     */
    public Machine waitFor(String machineId, MachineState state, Duration timeout) {
        return waitFor(machineId, state, null, timeout);
    }

    /**
     * The long-poll alone: waits until the instance {@code started} describes is in {@code state} (one
     * of the states {@code /wait} serves), and answers the state Fly reported, without reading the
     * machine again. For callers on a latency budget that need the state, not the machine.
     */
    public MachineState awaitState(Machine started, MachineState state, Duration timeout) {
        if (!state.waitable()) {
            throw new FlyValidationException(
                    "Fly's /wait serves started, stopped, suspended, destroyed and failed, not " + state.wire());
        }
        return MachineState.fromWire(longPoll(started.id(), state, started.instanceId(), timeout)
                .path("state")
                .stringValue(state.wire()));
    }

    /** Waits until {@code condition} holds for the machine, polling GET (backing off from 100 ms to 1 s). */
    public Machine waitUntil(String machineId, Predicate<Machine> condition, Duration timeout) {
        return poll(machineId, condition, "what was asked", timeout);
    }

    private Machine poll(String machineId, Predicate<Machine> condition, String wanted, Duration timeout) {
        Validation.machineId(machineId);
        return new Waits(http.clock())
                .poll("machine " + machineId, wanted, timeout, () -> get(machineId), condition, Machine::stateAsString);
    }

    private Machine waitFor(String machineId, MachineState state, String instanceId, Duration timeout) {
        Objects.requireNonNull(state, "state");
        if (!state.waitable()) {
            return poll(machineId, m -> m.state() == state, state.name().toLowerCase(java.util.Locale.ROOT), timeout);
        }
        if (instanceId == null && state == MachineState.STOPPED) {
            // Fly wants a stopped wait pinned to an instance: the machine's current one.
            instanceId = get(machineId).instanceId();
        }
        longPoll(machineId, state, instanceId, timeout);
        return get(machineId);
    }

    /** Chained {@code /wait}s under one deadline; the body of the answer that reached the state. */
    private JsonNode longPoll(String machineId, MachineState state, String instanceId, Duration timeout) {
        Clock clock = http.clock();
        long deadline = clock.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            long leftSeconds =
                    Math.max(1, Math.min(MAX_WAIT_SECONDS, (long) Math.ceil((deadline - clock.nanoTime()) / 1e9)));
            FlyRequest request = FlyRequest.get(machinePath(machineId) + "/wait")
                    .withQuery("state", state.wire())
                    .withQuery("timeout", Long.toString(leftSeconds))
                    .withLongPoll(Duration.ofSeconds(leftSeconds));
            if (instanceId != null) {
                request = request.withQuery("version", instanceId);
            }
            try {
                FlyResponse r = http.send(request);
                JsonNode body = Json.parseOrNull(r.body());
                return body == null ? Json.object() : body;
            } catch (FlyApiException e) {
                if (e.statusCode() != 408) {
                    throw e;
                }
                if (clock.nanoTime() >= deadline) {
                    Machine last = get(machineId);
                    throw new FlyTimeoutException(
                            "machine " + machineId + " did not become " + state.wire() + " within "
                                    + timeout.toSeconds() + " s (last state '" + last.stateAsString() + "')",
                            last,
                            attempt);
                }
            }
        }
    }

    private String machinePath(String machineId) {
        return path + "/" + Validation.machineId(machineId);
    }

    /** The nonce of this view's lease for a call on {@code machineId}; null when the view holds none. */
    private String nonce(String machineId) {
        if (lease == null) {
            return null;
        }
        if (lease.machineId() != null && !lease.machineId().equals(machineId)) {
            throw new FlyValidationException("the lease is on machine " + lease.machineId() + ", not " + machineId);
        }
        return lease.nonce();
    }

    /** A create or update body: the config, and the secrets version these machines require, if any. */
    private ObjectNode requestBody(MachineConfig config) {
        ObjectNode body = Json.object();
        body.set("config", MachineCodec.configJson(config));
        if (minSecretsVersion != null) {
            body.put("min_secrets_version", minSecretsVersion);
        }
        return body;
    }

    private static MachineConfig validate(MachineConfig config) {
        if (config.image() == null || config.image().isBlank()) {
            throw new FlyValidationException("a machine needs an image");
        }
        if (config.mounts().size() > 1) {
            throw new FlyValidationException("a Fly machine mounts at most one volume; got "
                    + config.mounts().size());
        }
        config.mounts().forEach(m -> Validation.volumeId(m.volume()));
        for (MachineConfig.SecretFile f : config.files()) {
            if (f.guestPath() == null || !f.guestPath().startsWith("/")) {
                throw new FlyValidationException(
                        "a secret file needs an absolute guest path; got '" + f.guestPath() + "'");
            }
            Validation.secretName(f.secretName());
        }
        return config;
    }
}

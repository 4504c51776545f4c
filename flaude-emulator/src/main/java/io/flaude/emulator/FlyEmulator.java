package io.flaude.emulator;

import com.sun.net.httpserver.HttpServer;
import io.flaude.emulator.internal.EmulatorConfig;
import io.flaude.emulator.internal.FlyApi;
import io.flaude.emulator.internal.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local Fly.io Machines API (apps, volumes, snapshots, machines with leases and waits, and the logs
 * API) served over real HTTP, on loopback by default, with state in memory. Point any Fly client at
 * {@link #baseUri()} and it behaves like {@code https://api.machines.dev}: the same paths under
 * {@code /v1}, status codes, error bodies, {@code fly-request-id} headers, soft deletes, paging and
 * settling states. A machine whose image is the flaude agent's ({@link Builder#agentImages}) runs a
 * simulated agent that keeps the real image's contract; any other image runs a long-lived process
 * that stays {@code started} until stopped. The simulated agent reads the machine env, keeps session transcripts in a
 * real directory per volume
 * ({@link #volumeDirectory}) and prints the image's log lines ({@link #logLines}, or
 * {@code GET /api/v1/apps/{app}/logs}). {@link #journal()} shows what was asked and answered,
 * {@link #faults()} scripts failures, {@link #conditions()} makes it as slow, as strict and as faulty
 * as Fly (latency, rate limits, random faults; {@link Profile#FLY}), and {@link #close()} stops it. Instances are
 * independent and
 * cheap enough to start one per test.
 */
public final class FlyEmulator implements AutoCloseable {
    private final FlyApi api;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final String token;
    private final Journal journal = new Journal();
    private final Faults faults = new Faults();
    private final Conditions conditions;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * The images that run the simulated agent unless {@link Builder#agentImages} says otherwise: ours, and
     * the Python flaude's published image, whose entrypoint follows the same contract.
     */
    public static final List<String> DEFAULT_AGENT_IMAGES = List.of("*flaude-agent*", "ghcr.io/ravi-hq/flaude*");

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, a body that
        // follows the headers waits for the client's delayed ACK (about 40 ms per larger answer).
        // Fly answers at network speed, so the emulator turns Nagle off unless the user chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private FlyEmulator(Builder builder) {
        api = new FlyApi(new EmulatorConfig(
                builder.orgSlug,
                builder.forkHydrationDelay,
                builder.restoreDelay,
                builder.snapshotDelay,
                builder.detachDelay,
                builder.stopDelay,
                builder.dataDir,
                builder.createLag,
                builder.agentImages,
                builder.natsUrl,
                builder.shipTo,
                builder.logLag));
        token = builder.token != null ? builder.token : Ids.token();
        conditions = builder.conditions;
        executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            api.close();
            throw new UncheckedIOException("cannot listen on " + builder.host + ":" + builder.port, e);
        }
        server.createContext("/", new FrontDoor(api, new TokenCheck(builder.token), journal, faults, conditions));
        server.setExecutor(executor);
        server.start();
        baseUri = uri(builder.host, server.getAddress().getPort());
    }

    /** Starts an emulator on 127.0.0.1 and a free port that accepts any non-empty token. */
    public static FlyEmulator start() {
        return builder().start();
    }

    /** A builder for an emulator with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL, without {@code /v1}, e.g. {@code http://127.0.0.1:53817}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The configured token, or a generated one when none was configured (any non-empty one works then). */
    public String token() {
        return token;
    }

    /** Every request received so far, with its answer. */
    public Journal journal() {
        return journal;
    }

    /** Where to script failures for the next requests. */
    public Faults faults() {
        return faults;
    }

    /** How hard the emulated Fly is right now (latency, rate limits, random faults), and what it injected. */
    public Conditions conditions() {
        return conditions;
    }

    /**
     * Forgets every app, volume, snapshot, machine, log line, journaled exchange and scripted fault.
     * Running machines are silenced; volume directories already written stay on disk until {@link #close}.
     */
    public void reset() {
        api.reset();
        journal.clear();
        faults.clear();
    }

    /**
     * Test support, below the machines API (as are the other {@code ...ForTest} methods; each raises
     * {@link IllegalArgumentException} for an app, volume or machine that does not exist): marks a live volume
     * as mounted by {@code machineId} (which need not exist), as creating a machine with that mount does.
     * Deleting it then fails with 412, and extending it answers {@code needs_restart: true}.
     */
    public void attachVolumeForTest(String app, String volumeId, String machineId) {
        api.setAttachment(app, volumeId, Objects.requireNonNull(machineId, "machineId"));
    }

    /** The machine's host lost it: killed if running, then destroyed, whatever lease it holds. */
    public void loseMachineForTest(String app, String machineId) {
        api.loseMachine(app, machineId);
    }

    /** The machine's lease runs out now, as it does a TTL after its holder (a killed process) last refreshed it. */
    public void lapseLeaseForTest(String app, String machineId) {
        api.lapseLease(app, machineId);
    }

    /** Clears a volume's {@code attached_machine_id} at once, as the end of the detach delay does. */
    public void detachVolumeForTest(String app, String volumeId) {
        api.setAttachment(app, volumeId, null);
    }

    /**
     * The real directory behind a volume: a machine that mounts the volume at, say, {@code /data} sees
     * this directory there, so a test can look at (or seed) what its agent wrote, e.g.
     * {@code volumeDirectory(app, id).resolve("claude/projects")}. Forks and restores start as copies.
     * It lives under {@link Builder#dataDir}, or under a temporary directory deleted by {@link #close}.
     *
     * @throws IllegalArgumentException when the app or the volume (soft-deleted ones included) does not exist
     */
    public Path volumeDirectory(String app, String volumeId) {
        return api.volumeDirectory(app, volumeId);
    }

    /**
     * The lines a machine has printed so far, oldest first, as the logs API serves them (the last
     * 10,000 lines of each app are kept).
     *
     * @throws IllegalArgumentException when the app does not exist
     */
    public List<String> logLines(String app, String machineId) {
        return api.logLines(app, machineId);
    }

    /**
     * Every volume and machine that is not destroyed, in every app, as
     * {@code "volume vol_... (app my-app, created)"} or {@code "machine 3d8... (app my-app, started)"}:
     * what a test that cleans up after itself must leave empty.
     */
    public List<String> liveResources() {
        return api.liveResources();
    }

    /**
     * Stops the server at once, dropping requests in flight, stops every machine, and deletes the
     * temporary data directory (never one given to {@link Builder#dataDir}). Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            api.close();
        }
    }

    @Override
    public String toString() {
        return "FlyEmulator[" + baseUri + "]";
    }

    private static URI uri(String host, int port) {
        try {
            // The URI constructor puts an IPv6 literal in brackets.
            return new URI("http", null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable host: " + host, e);
        }
    }

    /** Settings for {@link FlyEmulator}; every one has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String token;
        private String orgSlug = "personal";
        private Duration forkHydrationDelay = Duration.ofMillis(300);
        private Duration restoreDelay = Duration.ofMillis(300);
        private Duration snapshotDelay = Duration.ZERO;
        private Duration detachDelay = Duration.ofSeconds(1);
        private Duration stopDelay = Duration.ZERO;
        private Path dataDir;
        private final Conditions conditions = new Conditions();
        private List<String> agentImages = DEFAULT_AGENT_IMAGES;
        private String natsUrl;
        private Duration logLag = Duration.ZERO;
        private EmulatorConfig.ShipTo shipTo;
        private Duration createLag = Duration.ZERO;

        private Builder() {}

        /**
         * Starts from a profile: {@link Profile#FLY} adds 20-80 ms per request and Fly's rate limits;
         * {@link Profile#DEFAULT} (the default) is instant and unlimited. Later calls refine it.
         */
        public Builder profile(Profile profile) {
            conditions.profile(Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /** A latency for every request, drawn between {@code min} and {@code max} (seeded); default none. */
        public Builder latency(Duration min, Duration max) {
            conditions.latency(min, max);
            return this;
        }

        /** Whether Fly's documented rate limits are enforced (429 over the limit); default no. */
        public Builder rateLimits(boolean enforced) {
            conditions.rateLimits(enforced);
            return this;
        }

        /**
         * Faults each request with probability {@code rate}, kinds drawn evenly; see {@link
         * Conditions#randomFaults(double)}.
         */
        public Builder randomFaults(double rate) {
            conditions.randomFaults(rate);
            return this;
        }

        /**
         * Faults each request with these probabilities per kind; see {@link Conditions#randomFaults(java.util.Map)}.
         */
        public Builder randomFaults(java.util.Map<FaultKind, Double> rates) {
            conditions.randomFaults(rates);
            return this;
        }

        /** The seed of the latency and fault draws; default 0. */
        public Builder seed(long seed) {
            conditions.seed(seed);
            return this;
        }

        /** Sends {@code Retry-After} with every 429 (Fly is not known to); default none. */
        public Builder retryAfter(Duration retryAfter) {
            conditions.retryAfter(retryAfter);
            return this;
        }

        /** The address to listen on; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to listen on; default 0, a free ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The only token to accept, sent as {@code Bearer <token>} or {@code FlyV1 <token>}; null (the
         * default) accepts any non-empty token.
         */
        public Builder token(String token) {
            if (token != null && token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank; use null to accept any token");
            }
            this.token = token;
            return this;
        }

        /** The slug of the emulator's one organization; default {@code personal}. */
        public Builder orgSlug(String orgSlug) {
            if (Objects.requireNonNull(orgSlug, "orgSlug").isBlank()) {
                throw new IllegalArgumentException("orgSlug must not be blank");
            }
            this.orgSlug = orgSlug;
            return this;
        }

        /** How long a forked volume stays {@code hydrating} before it is {@code created}; default 300 ms. */
        public Builder forkHydrationDelay(Duration delay) {
            this.forkHydrationDelay = nonNegative(delay);
            return this;
        }

        /** How long a restored volume stays {@code restoring} before it is {@code created}; default 300 ms. */
        public Builder restoreDelay(Duration delay) {
            this.restoreDelay = nonNegative(delay);
            return this;
        }

        /** How long a new snapshot takes to appear in the volume's snapshot list; default 0. */
        public Builder snapshotDelay(Duration delay) {
            this.snapshotDelay = nonNegative(delay);
            return this;
        }

        /**
         * How long a destroyed machine's volume stays bound to it ({@code attached_machine_id} set, so
         * deleting the volume gets 412 and mounting it elsewhere 409); default 1 s. Fly takes up to
         * about a minute; the default is non-zero so clients must handle the wait.
         */
        public Builder detachDelay(Duration delay) {
            this.detachDelay = nonNegative(delay);
            return this;
        }

        /**
         * How long an instance takes to exit after SIGTERM (a stop, an update of a running machine, a
         * restart): the machine stays {@code stopping} (or {@code replacing}) that long, as a real
         * process that shuts down gracefully keeps it; default 0 (the simulated agent obeys at once). A
         * SIGKILL still ends it at once. Fly waits up to the config's {@code kill_timeout} (default 5 s).
         */
        public Builder stopDelay(Duration delay) {
            this.stopDelay = nonNegative(delay);
            return this;
        }

        /**
         * Where volume directories live (created if missing, kept on close); default a temporary
         * directory made on first use and deleted on close.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /**
         * The images that run the simulated flaude agent, as globs where {@code *} matches anything;
         * default {@link #DEFAULT_AGENT_IMAGES}. Every other image runs a long-lived process that
         * stays {@code started} until it is stopped or destroyed.
         */
        public Builder agentImages(String... globs) {
            if (globs.length == 0) {
                throw new IllegalArgumentException("name at least one agent image glob");
            }
            this.agentImages = List.of(globs);
            return this;
        }

        /**
         * Eventual consistency: for this long after its create, a machine answers 404 to GET and
         * {@code /wait}, as Fly's reads can trail its writes; default zero (off).
         */
        public Builder createLag(Duration lag) {
            this.createLag = nonNegative(lag);
            return this;
        }

        /**
         * Also runs Fly's log shipper (fly-log-shipper, Vector's HTTP sink): every {@code interval} (Vector:
         * 1 s) the lines printed since are posted to {@code drainUrl} as one JSON array of Fly's log events,
         * with {@code Authorization: Bearer <token>}; a 429 or 5xx is retried, another 4xx drops the batch.
         * Default: none.
         */
        public Builder shipLogs(java.net.URI drainUrl, String token, Duration interval) {
            if (Objects.requireNonNull(interval, "interval").isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the shipper's interval must be positive: " + interval);
            }
            this.shipTo = new EmulatorConfig.ShipTo(drainUrl, token, interval);
            return this;
        }

        /**
         * Ingestion lag: a printed line shows in the logs API only this long after it was printed (in
         * order, so a poller misses nothing), as Fly's logs trail a machine's output and its stop; default
         * zero (off). Lines go to NATS at once.
         */
        public Builder logLag(Duration lag) {
            this.logLag = nonNegative(lag);
            return this;
        }

        /**
         * Also publishes every line a machine prints to this NATS server, as Fly's live log stream does
         * (subject {@code logs.<app>.<region>.<machine_id>}, Fly's JSON); credentials go in the URL, e.g.
         * {@code nats://org:token@127.0.0.1:4223}. Default: none. The server must be reachable at start.
         */
        public Builder natsUrl(String url) {
            this.natsUrl = url;
            return this;
        }

        /** Starts the server; it listens once this returns. */
        public FlyEmulator start() {
            return new FlyEmulator(this);
        }

        private static Duration nonNegative(Duration delay) {
            if (Objects.requireNonNull(delay, "delay").isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
            return delay;
        }
    }
}

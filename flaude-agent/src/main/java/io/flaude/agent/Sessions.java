package io.flaude.agent;

import io.flaude.agent.internal.AgentPayload;
import io.flaude.agent.internal.Cleanup;
import io.flaude.agent.internal.Execution;
import io.flaude.agent.internal.LeaseKeeper;
import io.flaude.agent.internal.LogFollower;
import io.flaude.agent.internal.Outcome;
import io.flaude.agent.internal.SessionReaper;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyConflictException;
import io.flaude.fly.FlyException;
import io.flaude.fly.FlyValidationException;
import io.flaude.fly.Lease;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.Machines;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeSpec;
import io.flaude.fly.Volumes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistent multi-turn sessions: a Fly volume (Claude's transcripts and the workspace) plus a
 * machine that is stopped between turns. Creation is all-or-nothing (a failed step destroys what was
 * made), turns of one session run one at a time (a local lock and a Fly lease), every turn waits on
 * its own machine instance so it never reads the previous turn's result, and teardown waits for Fly
 * to release the volume. Thread-safe.
 */
public final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    /** Session volumes are named with this prefix and 16 hex digits of the session id. */
    public static final String VOLUME_PREFIX = "flaude_s_";
    static final Duration LEASE_TTL = Duration.ofSeconds(60);

    private final FlyClient fly;
    private final SessionStore store;
    private final Duration detachWait;
    private final Map<String, ReentrantLock> turnLocks = new ConcurrentHashMap<>();

    public Sessions(FlyClient fly, SessionStore store) {
        this(fly, store, Volumes.DEFAULT_DETACH_WAIT);
    }

    /** @param detachWait how long teardown waits for Fly to release a destroyed machine's volume */
    public Sessions(FlyClient fly, SessionStore store, Duration detachWait) {
        this.fly = fly;
        this.store = store;
        this.detachWait = detachWait;
    }

    /**
     * Creates a session in {@code app} and runs its first turn with {@code config}'s prompt: volume
     * (in the config's region) → machine (auto-destroy off, volume mounted) → turn 1 → machine left
     * stopped. If any step fails, the machine and then the volume are destroyed and the error raised.
     */
    public TurnResult create(String app, AgentConfig config, SessionOptions options, Consumer<String> onLine) {
        String id = UUID.randomUUID().toString();
        Volumes volumes = fly.volumes(app);
        Machines machines = fly.machines(app);
        Session session = new Session(id, app, null, null, config.region(), config.mountPath(), Instant.now(), null,
                options.ttl(), options.idleTimeout(), Session.CREATING);
        store.save(session);
        String volumeId = null;
        String machineId = null;
        try {
            Volume volume = volumes.create(VolumeSpec.builder().name(volumeName(id)).region(config.region())
                    .sizeGb(options.volumeSizeGb()).build());
            volumeId = volume.id();
            session = new Session(id, app, null, volumeId, volume.region(), config.mountPath(), session.createdAt(),
                    null, options.ttl(), options.idleTimeout(), Session.CREATING);
            store.save(session);
            AgentConfig first = config.toBuilder().sessionId(id).volume(volumeId, config.mountPath())
                    .region(volume.region()).autoDestroy(false).build();
            Machine machine = machines.create(first.toMachineConfig(), volume.region());
            machineId = machine.id();
            session = session.withMachine(machineId).withState(Session.RUNNING);
            store.save(session);
            RunResult result;
            try (LogFollower follower = Execution.follow(fly, app, machineId, onLine)) {
                result = Execution.await(fly, app, machine, follower, options.turnTimeout());
            }
            if (!result.succeeded()) {
                throw new RunFailedException("first turn of session " + id, result);
            }
            session = session.afterTurn(Instant.now());
            store.save(session);
            LOG.info("Session {} created in app '{}' (machine {}, volume {})", id, app, machineId, volumeId);
            return new TurnResult(session, result);
        } catch (RuntimeException e) {
            List<FlyException> errors = Cleanup.destroy(machines, machineId, volumes, volumeId, detachWait);
            if (errors.isEmpty()) {
                store.delete(id);
            } else {
                store.save(session.withState(Session.FAILED));
            }
            throw Cleanup.suppress(e, errors);
        }
    }

    /** Runs the next turn with a new prompt; everything else is the machine's current config. */
    public TurnResult turn(String sessionId, String prompt, Duration timeout, Consumer<String> onLine) {
        return turn(sessionId, prompt, Map.of(), timeout, onLine);
    }

    /**
     * Runs the next turn with a new prompt and extra env for this turn on top of the machine's
     * current config (the tokens, repos, session id and mount it already has).
     */
    public TurnResult turn(String sessionId, String prompt, Map<String, String> extraEnv, Duration timeout,
                           Consumer<String> onLine) {
        if (prompt == null || prompt.isBlank()) {
            throw new FlyValidationException("a prompt is required");
        }
        return turn(sessionId, timeout, onLine, current -> {
            Map<String, String> env = new HashMap<>(current.env());
            env.putAll(extraEnv);
            env.put("FLAUDE_PROMPT", prompt);
            return current.withEnv(env);
        });
    }

    /** Runs the next turn with a whole new config; the session id, volume and mount are kept from the session. */
    public TurnResult turn(String sessionId, AgentConfig config, Duration timeout, Consumer<String> onLine) {
        Session s = resume(sessionId);
        MachineConfig next = config.toBuilder().sessionId(s.sessionId()).volume(s.volumeId(), s.mountPath())
                .region(s.region()).autoDestroy(false).build().toMachineConfig();
        return turn(sessionId, timeout, onLine, current -> next);
    }

    private TurnResult turn(String sessionId, Duration timeout, Consumer<String> onLine,
                            UnaryOperator<MachineConfig> nextConfig) {
        ReentrantLock local = turnLocks.computeIfAbsent(sessionId, k -> new ReentrantLock());
        if (!local.tryLock()) {
            throw new SessionBusyException(sessionId, "in this process");
        }
        try {
            Session session = resume(sessionId);
            Machines machines = fly.machines(session.app());
            Lease lease;
            try {
                lease = machines.acquireLease(session.machineId(), LEASE_TTL, "flaude turn of session " + sessionId);
            } catch (FlyConflictException held) {
                throw new SessionBusyException(sessionId, held.detail());
            }
            try (LeaseKeeper keeper = new LeaseKeeper(machines, session.machineId(), lease, LEASE_TTL);
                 LogFollower follower = LogFollower.fromNow(fly.logs(session.app()), session.machineId(), onLine)) {
                Machine current = machines.get(session.machineId());
                Machine updated = machines.update(session.machineId(), nextConfig.apply(current.config()), keeper.nonce());
                store.save(session.withState(Session.RUNNING));
                RunResult result;
                try {
                    startUnlessRunning(machines, session.machineId(), keeper.nonce());
                    follower.start();
                    result = Execution.await(fly, session.app(), updated, follower, timeout);
                } catch (RuntimeException e) {
                    throw Cleanup.suppress(e, stopAfterFailedTurn(machines, session, keeper.nonce()));
                }
                Session after = session.afterTurn(Instant.now());
                store.save(result.state().equals(Outcome.VANISHED)
                        ? after.withState(Session.FAILED) : after);
                if (!result.succeeded()) {
                    throw new RunFailedException("turn of session " + sessionId, result);
                }
                return new TurnResult(after, result);
            }
        } finally {
            local.unlock();
        }
    }

    /**
     * A turn that timed out or was interrupted may leave Claude running: stop the machine, so the
     * session is again a stopped machine between turns. Returns what went wrong while stopping.
     */
    private List<FlyException> stopAfterFailedTurn(Machines machines, Session session, String nonce) {
        boolean interrupted = Thread.interrupted();
        try {
            machines.stop(session.machineId(), nonce);
            store.save(session.withState(Session.IDLE));
            return List.of();
        } catch (FlyException e) {
            LOG.warn("Could not stop machine {} after a failed turn: {}", session.machineId(), e.getMessage());
            return List.of(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Fly may start a stopped machine on update already; a start that finds it running is fine. */
    private static void startUnlessRunning(Machines machines, String machineId, String nonce) {
        try {
            machines.start(machineId, nonce);
        } catch (FlyConflictException e) {
            if (!e.detail().contains("still active") && !e.detail().contains("already")) {
                throw e;
            }
            LOG.debug("Machine {} was already starting: {}", machineId, e.detail());
        }
    }

    /** The session from the store; {@link SessionNotFoundException} when the store does not know it. */
    public Session resume(String sessionId) {
        return store.find(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId, null));
    }

    /**
     * The session from the store, or, when the store lost it, rebuilt from Fly: the machine whose
     * metadata names the session, and the volume it mounts. A rebuilt session is saved to the store.
     */
    public Session resume(String app, String sessionId) {
        Optional<Session> known = store.find(sessionId);
        if (known.isPresent()) {
            return known.get();
        }
        Session rebuilt = fly.machines(app).list(false, Map.of(AgentPayload.SESSION_ID, sessionId)).stream()
                .filter(m -> !m.isGone() && m.config() != null && !m.config().mounts().isEmpty())
                .findFirst()
                .map(m -> new Session(sessionId, app, m.id(), m.config().mounts().get(0).volume(), m.region(),
                        m.config().mounts().get(0).path(), m.createdAt(), m.updatedAt(), null, null, Session.IDLE))
                .orElseThrow(() -> new SessionNotFoundException(sessionId, app));
        store.save(rebuilt);
        LOG.info("Session {} rebuilt from Fly (machine {}, volume {})", sessionId, rebuilt.machineId(), rebuilt.volumeId());
        return rebuilt;
    }

    /** Every session the store knows, oldest first. */
    public List<Session> list() {
        return store.list();
    }

    /**
     * Destroys the session: machine, then (once Fly has let go of it) the volume, then the record.
     * Destroying an unknown or already destroyed session is fine.
     *
     * @return true if something was destroyed
     */
    public boolean destroy(Session session) {
        List<FlyException> errors = Cleanup.destroy(fly.machines(session.app()), session.machineId(),
                fly.volumes(session.app()), session.volumeId(), detachWait);
        if (!errors.isEmpty()) {
            store.save(session.withState(Session.FAILED));
            throw Cleanup.suppress(errors.get(0), errors.subList(1, errors.size()));
        }
        store.delete(session.sessionId());
        turnLocks.remove(session.sessionId());
        LOG.info("Session {} destroyed", session.sessionId());
        return true;
    }

    /** Destroys the session known to the store under this id; false if the store does not know it. */
    public boolean destroy(String sessionId) {
        return store.find(sessionId).map(this::destroy).orElse(false);
    }

    /**
     * Destroys expired sessions (TTL or idle timeout), sessions stuck in creation or failed, and
     * orphans: session volumes with no live session and {@code managed_by=flaude} machines with no
     * live session, when older than {@code grace}. With {@code dryRun}, only reports.
     */
    public List<ReapAction> reap(String app, boolean dryRun, Duration grace) {
        return new SessionReaper(fly, store, this::destroy, detachWait).reap(app, dryRun, grace, Instant.now());
    }

    /** The volume name of a session: {@value #VOLUME_PREFIX} and 16 hex digits of its id (Fly allows 30 characters). */
    static String volumeName(String sessionId) {
        return VOLUME_PREFIX + sessionId.replace("-", "").substring(0, 16);
    }
}

package io.flaude.agent;

import io.flaude.agent.internal.Cleanup;
import io.flaude.agent.internal.FlyMarks;
import io.flaude.agent.internal.MachineHold;
import io.flaude.agent.internal.SessionCreation;
import io.flaude.agent.internal.SessionReaper;
import io.flaude.agent.internal.SessionTeardown;
import io.flaude.agent.internal.TurnCache;
import io.flaude.agent.internal.TurnExecution;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.HeldLease;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.Volumes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistent multi-turn sessions: a Fly volume (Claude's transcripts and the workspace) plus a
 * machine that is stopped between turns. Creation is all-or-nothing (a failed step destroys what was
 * made), turns of one session run one at a time (a local lock and a Fly lease), every turn waits on
 * its own machine instance so it never reads the previous turn's result, and teardown waits for Fly
 * to release the volume. Thread-safe.
 */
public final class Sessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    /** Session volumes are named with this prefix and 16 hex digits of the session id. */
    public static final String VOLUME_PREFIX = FlyMarks.VOLUME_PREFIX;

    /**
     * The start of the names of the app secrets that hold a session's tokens ({@code FLAUDE_S_<the first 16
     * hex digits of its id>_}, then {@code CLAUDE} or {@code GITHUB}), for tools that audit an app's secrets.
     */
    public static String secretNamePrefix(String sessionId) {
        return FlyMarks.sessionSecrets(sessionId) + "_";
    }

    private final FlyClient fly;
    private final SessionStore store;
    private final Map<String, ReentrantLock> turnLocks = new ConcurrentHashMap<>();
    private final TurnCache cache = new TurnCache();
    private final SessionTeardown teardown;
    private final Duration detachWait;

    public Sessions(FlyClient fly, SessionStore store) {
        this(fly, store, Volumes.DEFAULT_DETACH_WAIT);
    }

    /** @param detachWait how long teardown waits for Fly to release a destroyed machine's volume */
    public Sessions(FlyClient fly, SessionStore store, Duration detachWait) {
        this.fly = fly;
        this.store = store;
        this.detachWait = detachWait;
        this.teardown = new SessionTeardown(fly, store, detachWait);
    }

    /** {@link #create(String, AgentConfig, SessionOptions, Consumer)} without live output. */
    public TurnResult create(String app, AgentConfig config, SessionOptions options) {
        return create(app, config, options, line -> {});
    }

    /**
     * Creates a session in {@code app} and runs its first turn with {@code config}'s prompt: volume
     * (in the config's region) → machine (auto-destroy off, volume mounted) → turn 1 → machine left
     * stopped. If any step fails, the machine and then the volume are destroyed and the error raised.
     *
     * @param onLine called with each log line of the first turn as it arrives, on another thread
     */
    public TurnResult create(String app, AgentConfig config, SessionOptions options, Consumer<String> onLine) {
        Objects.requireNonNull(onLine, "onLine");
        return new SessionCreation(fly, store, teardown, cache).run(app, config, options, onLine);
    }

    /**
     * Runs the next turn of the session the store knows under {@code sessionId}: the machine's current
     * config (tokens, repos, session id, mount) with the new prompt and this turn's env.
     *
     * @throws SessionBusyException     when another turn of the session is running, here or elsewhere
     * @throws SessionNotFoundException when the store does not know the session
     * @throws RunFailedException       when the turn did not exit 0 (it carries the session as it stands)
     */
    public TurnResult turn(String sessionId, TurnOptions options) {
        return turn(get(sessionId), options);
    }

    /**
     * {@link #turn(String, TurnOptions)} for a session the caller holds already (from {@link #get} or
     * {@link #recover}): the store is not read again.
     */
    public TurnResult turn(Session session, TurnOptions options) {
        String sessionId = session.sessionId();
        ReentrantLock local = turnLocks.computeIfAbsent(sessionId, k -> new ReentrantLock());
        if (!local.tryLock()) {
            throw new SessionBusyException(sessionId, "another turn is running in this process");
        }
        try {
            return new TurnExecution(
                            fly.machines(session.app()),
                            fly.logs(session.app()),
                            store,
                            cache,
                            fly.secrets(session.app()))
                    .run(session, options);
        } finally {
            local.unlock();
        }
    }

    /** The session from the store; {@link SessionNotFoundException} when the store does not know it. */
    public Session get(String sessionId) {
        return store.find(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId, null));
    }

    /**
     * The session from the store, or, when the store lost it, rebuilt from Fly: the machine whose
     * metadata names the session, and the volume it mounts. A rebuilt session is saved to the store.
     */
    public Session recover(String app, String sessionId) {
        Optional<Session> known = store.find(sessionId);
        if (known.isPresent()) {
            return known.get();
        }
        Session rebuilt =
                fly.machines(app).list(MachineListOptions.withMetadata(FlyMarks.SESSION_ID, sessionId)).stream()
                        .filter(m -> !m.isGone()
                                && m.config() != null
                                && !m.config().mounts().isEmpty())
                        .findFirst()
                        .map(m -> Session.builder(sessionId, app)
                                .machineId(m.id())
                                .volumeId(m.config().mounts().get(0).volume())
                                .region(m.region())
                                .mountPath(m.config().mounts().get(0).path())
                                .createdAt(m.createdAt())
                                .lastTurnAt(m.updatedAt())
                                .state(SessionState.IDLE)
                                .build())
                        .orElseThrow(() -> new SessionNotFoundException(sessionId, app));
        store.save(rebuilt);
        LOG.info(
                "Session {} rebuilt from Fly (machine {}, volume {})",
                sessionId,
                rebuilt.machineId(),
                rebuilt.volumeId());
        return rebuilt;
    }

    /** Every session the store knows, oldest first. */
    public List<Session> list() {
        return store.list();
    }

    /**
     * Destroys the session: its record is marked {@code destroying} first (so a destroy cut short is finished by
     * a later destroy or reap), then the machine (as the holder of its lease: a running turn is waited for, up
     * to 20 s), then (once Fly has let go of it) the volume, then its secrets, then the record. A machine or
     * volume that is already gone is fine, and so is an app that no longer exists. If Fly refuses, the record
     * stays {@code destroying} and the error is raised.
     *
     * @throws SessionBusyException when a turn is running here, or still running elsewhere after the wait
     */
    public void destroy(Session session) {
        String id = session.sessionId();
        ReentrantLock local = turnLocks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!local.tryLock()) {
            throw new SessionBusyException(id, "a turn is running in this process");
        }
        try {
            cache.forget(id);
            Session known = store.find(id).orElse(session);
            if (known.state() == SessionState.CREATING && known.heldAt(Instant.now())) {
                throw new SessionBusyException(id, "it is still being created; destroy it once its creation has ended");
            }
            Optional<HeldLease> lease = known.machineId() == null
                    ? Optional.empty()
                    : MachineHold.take(fly.machines(known.app()), id, known.machineId(), "destroy the session");
            try {
                Session marked = known.toBuilder()
                        .state(SessionState.DESTROYING)
                        .heldUntil(null)
                        .build();
                store.save(marked);
                List<FlyException> errors =
                        teardown.run(marked, lease.map(HeldLease::lease).orElse(null));
                if (!errors.isEmpty()) {
                    throw Cleanup.first(errors);
                }
                lease.ifPresent(HeldLease::machineGone);
            } finally {
                lease.ifPresent(HeldLease::close); // after machineGone: nothing to send
            }
            LOG.info("Session {} destroyed", id);
        } finally {
            local.unlock();
            turnLocks.remove(id, local);
        }
    }

    /** Destroys the session the store knows under this id; false (and nothing done) if it does not know it. */
    public boolean destroy(String sessionId) {
        Optional<Session> known = store.find(sessionId);
        known.ifPresent(this::destroy);
        return known.isPresent();
    }

    /**
     * Settles every session of {@code app} that no live process holds, as the lifecycle says (docs/reliability.md):
     * creates that stopped are rolled back, destroys cut short finished, abandoned turns' sessions set idle once
     * their machine has stopped, expired sessions and those whose machine is gone destroyed; one-shot machines no
     * live run holds are destroyed and run tokens no machine reads unset. Live work anywhere (a record's mark, a
     * machine's Fly lease) is never touched. Only what no record names (session machines, volumes and tokens of
     * another store, or of a lost one) waits until older than {@code grace}. This instance's own lingering leases
     * are released first (they mark no work). Returns what was done, and what failed.
     */
    public List<ReapAction> reap(String app, Duration grace) {
        cache.releaseAll();
        return reaper().reap(app, false, grace, Instant.now());
    }

    /** What {@link #reap(String, Duration)} would do now, without doing anything. */
    public List<ReapAction> planReap(String app, Duration grace) {
        cache.releaseAll();
        return reaper().reap(app, true, grace, Instant.now());
    }

    private SessionReaper reaper() {
        return new SessionReaper(fly, store, this::destroy, detachWait);
    }

    /**
     * Releases the leases this instance kept for the sessions' next turns (a turn leaves its lease for
     * two seconds, so a next turn right after needs no new one). Close it before the process ends, or
     * other processes wait up to a lease's 15 s for those sessions.
     */
    @Override
    public void close() {
        cache.releaseAll();
    }
}

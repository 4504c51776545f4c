package io.flaude.agent;

import io.flaude.agent.internal.AgentSecrets;
import io.flaude.agent.internal.Cleanup;
import io.flaude.agent.internal.Execution;
import io.flaude.agent.internal.SessionReaper;
import io.flaude.agent.internal.TurnCache;
import io.flaude.agent.internal.TurnExecution;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.LogFollow;
import io.flaude.fly.Logs;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.Machines;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import io.flaude.fly.VolumeSpec;
import io.flaude.fly.Volumes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
    public static final String VOLUME_PREFIX = "flaude_s_";

    /**
     * The start of the names of the app secrets that hold a session's tokens ({@code FLAUDE_S_<the first 16
     * hex digits of its id>_}, then {@code CLAUDE} or {@code GITHUB}), for tools that audit an app's secrets.
     */
    public static String secretNamePrefix(String sessionId) {
        return AgentSecrets.forSession(sessionId) + "_";
    }

    private final FlyClient fly;
    private final SessionStore store;
    private final Duration detachWait;
    private final Map<String, ReentrantLock> turnLocks = new ConcurrentHashMap<>();
    private final TurnCache cache = new TurnCache();

    public Sessions(FlyClient fly, SessionStore store) {
        this(fly, store, Volumes.DEFAULT_DETACH_WAIT);
    }

    /** @param detachWait how long teardown waits for Fly to release a destroyed machine's volume */
    public Sessions(FlyClient fly, SessionStore store, Duration detachWait) {
        this.fly = fly;
        this.store = store;
        this.detachWait = detachWait;
    }

    /** {@link #create(String, AgentConfig, SessionOptions, Consumer)} without live output. */
    public TurnResult create(String app, AgentConfig config, SessionOptions options) {
        return create(app, config, options, line -> { });
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
        String id = UUID.randomUUID().toString();
        Volumes volumes = fly.volumes(app);
        Machines machines = fly.machines(app);
        Session session = Session.builder(id, app).region(config.region()).mountPath(config.mountPath())
                .ttl(options.ttl()).idleTimeout(options.idleTimeout()).build();
        store.save(session);
        String volumeId = null;
        String machineId = null;
        try {
            Volume volume = volumes.create(VolumeSpec.builder().name(volumeName(id)).region(config.region())
                    .sizeGb(options.volumeSizeGb()).build());
            volumeId = volume.id();
            session = session.toBuilder().volumeId(volumeId).region(volume.region()).build();
            store.save(session);
            AgentConfig first = config.toBuilder().sessionId(id).volume(volumeId, config.mountPath())
                    .region(volume.region()).autoDestroy(false).build();
            String prefix = AgentSecrets.forSession(id);
            long secretsVersion = fly.secrets(app).set(first.secretValues(prefix));
            Machine machine = machines.requiringSecrets(secretsVersion).create(first.toMachineConfig(prefix), volume.region());
            machineId = machine.id();
            session = session.withMachine(machineId).withState(SessionState.RUNNING);
            store.save(session);
            RunResult result;
            try (LogFollow follower = Execution.follow(fly.logs(app), machineId, Logs.tokenForNew(machine), onLine)) {
                result = Execution.await(machines, machine, follower, options.turnTimeout());
            }
            if (!result.succeeded()) {
                throw new RunFailedException("first turn of session " + id, result);
            }
            session = session.afterTurn(Instant.now());
            store.save(session);
            if (machine.config() != null) {
                cache.config(id, machine.config());
            }
            LOG.info("Session {} created in app '{}' (machine {}, volume {})", id, app, machineId, volumeId);
            return new TurnResult(session, result);
        } catch (RuntimeException e) {
            boolean interrupted = Thread.interrupted();
            List<FlyException> errors = new ArrayList<>();
            try {
                // An answer lost on the way back may hide a machine or volume that was made: look for them.
                Session known = session;
                String machine = machineId != null ? machineId : findMachine(app, id, errors).orElse(null);
                String volume = volumeId != null ? volumeId : findVolume(app, id, errors).orElse(null);
                errors.addAll(Cleanup.destroy(machines, machine, volumes, volume, detachWait));
                if (errors.isEmpty()) {
                    errors.addAll(Cleanup.unsetSecrets(fly.secrets(app), AgentSecrets.forSession(id)));
                }
                if (errors.isEmpty()) {
                    store.delete(id);
                } else {
                    store.save(known.toBuilder().machineId(machine).volumeId(volume).state(SessionState.FAILED).build());
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw Cleanup.suppress(e, errors);
        }
    }

    /** The live machine whose metadata names the session, if Fly has one. */
    private Optional<String> findMachine(String app, String sessionId, List<FlyException> errors) {
        try {
            return fly.machines(app).list(MachineListOptions.withMetadata(AgentConfig.METADATA_SESSION_ID, sessionId))
                    .stream().filter(m -> !m.isGone()).map(Machine::id).findFirst();
        } catch (FlyException e) {
            errors.add(e);
            return Optional.empty();
        }
    }

    /** The live volume named for the session, if Fly has one (the name is the session's own). */
    private Optional<String> findVolume(String app, String sessionId, List<FlyException> errors) {
        try {
            return fly.volumes(app).list(VolumeListOptions.LIVE).stream()
                    .filter(v -> v.name().equals(volumeName(sessionId))).map(Volume::id).findFirst();
        } catch (FlyException e) {
            errors.add(e);
            return Optional.empty();
        }
    }

    /**
     * Runs the next turn of the session the store knows under {@code sessionId}: the machine's current
     * config (tokens, repos, session id, mount) with the new prompt and this turn's env.
     *
     * @throws SessionBusyException     when another turn of the session is running, here or elsewhere
     * @throws SessionNotFoundException when the store does not know the session
     * @throws RunFailedException       when the turn did not exit 0
     */
    public TurnResult turn(String sessionId, TurnOptions options) {
        ReentrantLock local = turnLocks.computeIfAbsent(sessionId, k -> new ReentrantLock());
        if (!local.tryLock()) {
            throw new SessionBusyException(sessionId, "in this process");
        }
        try {
            Session session = get(sessionId);
            return new TurnExecution(fly.machines(session.app()), fly.logs(session.app()), store, cache,
                    fly.secrets(session.app())).run(session, options);
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
        Session rebuilt = fly.machines(app).list(MachineListOptions.withMetadata(AgentConfig.METADATA_SESSION_ID, sessionId))
                .stream()
                .filter(m -> !m.isGone() && m.config() != null && !m.config().mounts().isEmpty())
                .findFirst()
                .map(m -> Session.builder(sessionId, app).machineId(m.id()).volumeId(m.config().mounts().get(0).volume())
                        .region(m.region()).mountPath(m.config().mounts().get(0).path()).createdAt(m.createdAt())
                        .lastTurnAt(m.updatedAt()).state(SessionState.IDLE).build())
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
     * Destroys the session: machine, then (once Fly has let go of it) the volume, then its secrets, then the record. A
     * machine or volume that is already gone is fine. If Fly refuses, the record is kept as
     * {@code failed} (for the reaper, or a later destroy) and the error raised.
     */
    public void destroy(Session session) {
        String id = session.sessionId();
        ReentrantLock local = turnLocks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!local.tryLock()) {
            throw new SessionBusyException(id, "a turn is running in this process");
        }
        try {
            cache.forget(id);
            List<FlyException> errors = new ArrayList<>();
            // A record that lost its machine or volume id (a create cut short) is completed from Fly.
            String machine = session.machineId() != null ? session.machineId()
                    : findMachine(session.app(), id, errors).orElse(null);
            String volume = session.volumeId() != null ? session.volumeId()
                    : findVolume(session.app(), id, errors).orElse(null);
            errors.addAll(Cleanup.destroy(fly.machines(session.app()), machine, fly.volumes(session.app()), volume,
                    detachWait));
            if (errors.isEmpty()) {
                errors.addAll(Cleanup.unsetSecrets(fly.secrets(session.app()), AgentSecrets.forSession(id)));
            }
            if (!errors.isEmpty()) {
                // Keep what is left for the reaper, without overwriting what a turn elsewhere saved meanwhile.
                store.find(id).filter(now -> now.state() != SessionState.RUNNING)
                        .ifPresent(now -> store.save(now.toBuilder().machineId(machine).volumeId(volume)
                                .state(SessionState.FAILED).build()));
                throw Cleanup.first(errors);
            }
            store.delete(id);
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
     * Destroys expired sessions (TTL or idle timeout), sessions stuck in creation or failed, and
     * orphans: session volumes with no live session and {@code managed_by=flaude} machines with no
     * live session, when older than {@code grace}. Returns what was done, and what failed.
     */
    public List<ReapAction> reap(String app, Duration grace) {
        return reaper().reap(app, false, grace, Instant.now());
    }

    /** What {@link #reap(String, Duration)} would destroy now, without destroying anything. */
    public List<ReapAction> planReap(String app, Duration grace) {
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

    /** The volume name of a session: {@value #VOLUME_PREFIX} and 16 hex digits of its id (Fly allows 30 characters). */
    static String volumeName(String sessionId) {
        return VOLUME_PREFIX + sessionId.replace("-", "").substring(0, 16);
    }
}

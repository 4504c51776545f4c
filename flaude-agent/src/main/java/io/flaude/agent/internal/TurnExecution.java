package io.flaude.agent.internal;

import io.flaude.agent.RunFailedException;
import io.flaude.agent.RunResult;
import io.flaude.agent.Session;
import io.flaude.agent.SessionBusyException;
import io.flaude.agent.SessionMachineGoneException;
import io.flaude.agent.SessionState;
import io.flaude.agent.SessionStore;
import io.flaude.agent.SessionUnusableException;
import io.flaude.agent.TurnOptions;
import io.flaude.agent.TurnResult;
import io.flaude.fly.FlyConflictException;
import io.flaude.fly.FlyException;
import io.flaude.fly.FlyNotFoundException;
import io.flaude.fly.FlyValidationException;
import io.flaude.fly.HeldLease;
import io.flaude.fly.Lease;
import io.flaude.fly.LogFollow;
import io.flaude.fly.LogPosition;
import io.flaude.fly.Logs;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.MachineState;
import io.flaude.fly.Machines;
import io.flaude.fly.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turn protocol of one session: lease the machine, swap the prompt (and this turn's env) into its
 * config, start it, wait for this instance to stop, read the outcome, and leave the machine stopped
 * whatever happened. The caller holds the session's local turn lock. Not API.
 */
public final class TurnExecution {
    private static final Logger LOG = LoggerFactory.getLogger(TurnExecution.class);
    /**
     * How long a turn's lease lives between refreshes (at half of it). Short, as flyctl's are: a lease
     * a crashed process could not release blocks the session for at most this long.
     */
    public static final Duration LEASE_TTL = Duration.ofSeconds(15);
    /** How long a failed turn waits for its machine to stop (Fly's kill_timeout defaults to 5 s). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    /** How many times a start that Fly answers 412 ("not yet") is tried, the machine read again between. */
    private static final int START_ATTEMPTS = 5;

    private final Machines machines;
    private final Logs logs;
    private final SessionStore store;
    private final TurnCache cache;
    private final Secrets secrets;

    public TurnExecution(Machines machines, Logs logs, SessionStore store, TurnCache cache, Secrets secrets) {
        this.secrets = secrets;
        this.machines = machines;
        this.logs = logs;
        this.store = store;
        this.cache = cache;
    }

    /**
     * On the critical path, with a warm cache: update, start, wait, and one read of the logs for the
     * exit marker. The lease of the last turn is taken over when it is still good (else acquired),
     * the config comes from the last update's answer (else a GET), the log position is the update's
     * own time (no reads to skip older lines), and the lease is kept for the next turn, not released.
     */
    public TurnResult run(Session session, TurnOptions options) {
        String sessionId = session.sessionId();
        requireTurnable(session);
        HeldLease keeper = cache.takeLease(sessionId).orElseGet(() -> machines.hold(acquire(session), LEASE_TTL));
        boolean started = false;
        boolean kept = false;
        try {
            // Running from the moment the lease is ours: a record that says idle while a lease is held is stale.
            store.save(session.withState(SessionState.RUNNING));
            MachineConfig current = cache.config(sessionId)
                    .orElseGet(() -> machines.get(session.machineId()).config());
            TokenRotation rotation =
                    new TokenRotation(sessionId, current, options.claudeToken(), options.githubToken());
            Machines updating = machines;
            if (!rotation.changedSecrets().isEmpty()) {
                LOG.info(
                        "Session {}: a new token for this turn; setting {}",
                        sessionId,
                        rotation.changedSecrets().keySet());
                updating = machines.requiringSecrets(secrets.set(rotation.changedSecrets()));
            }
            Machine updated =
                    updating.leased(keeper.lease()).update(session.machineId(), nextConfig(rotation.config(), options));
            if (updated.config() != null) {
                cache.config(sessionId, updated.config());
            }
            RunResult result;
            try (LogFollow follower = follower(session.machineId(), updated, options)) {
                started = true;
                start(sessionId, updated, keeper.lease(), options.timeout());
                result = Execution.await(machines, updated, follower, options.timeout());
            } catch (RuntimeException e) {
                throw Cleanup.suppress(e, stopAfterFailedTurn(session, updated, keeper.lease()));
            }
            Session after = session.afterTurn(Instant.now());
            if (result.machineState().isEmpty()) {
                after = after.withState(SessionState.FAILED);
            }
            String storeFailure = record(after);
            cache.keepLease(sessionId, keeper);
            kept = true;
            if (!result.succeeded()) {
                throw new RunFailedException("turn of session " + sessionId, result, after);
            }
            return new TurnResult(after, result, storeFailure);
        } catch (RuntimeException e) {
            if (!started) {
                // Nothing ran: the machine is still the stopped machine it was (its config maybe not).
                cache.forget(sessionId);
                try {
                    store.save(session.withState(SessionState.IDLE));
                } catch (FlyException storeFailed) {
                    e.addSuppressed(storeFailed); // a store that refused the turn may refuse this too
                }
            }
            throw e;
        } finally {
            if (!kept) {
                keeper.close();
            }
        }
    }

    /**
     * A record that is being created or destroyed takes no turn: say which, and what to do (a create that
     * never finished has no machine to turn, or one that belongs to its rollback).
     */
    private static void requireTurnable(Session session) {
        String id = session.sessionId();
        switch (session.state()) {
            case CREATING -> {
                if (session.heldAt(Instant.now())) {
                    throw new SessionBusyException(id, "it is still being created");
                }
                throw new SessionUnusableException(
                        id,
                        "its creation never finished (the process creating it stopped before its first turn"
                                + " ended); reap the app to roll it back, or destroy the session");
            }
            case DESTROYING ->
                throw new SessionUnusableException(
                        id,
                        "it is being destroyed (a destroy or reap finishes it; destroy it again if one was cut short)");
            default -> {
                if (session.machineId() == null) {
                    throw new SessionUnusableException(id, "it has no machine; destroy the session");
                }
            }
        }
    }

    /**
     * Records the finished turn. A store that cannot (full, locked past its timeout, deleted) does not undo the
     * turn: the reason is handed back with the result, and the record, still {@code running}, is settled by a
     * later reap once the machine's lease has lapsed.
     */
    private String record(Session after) {
        try {
            store.save(after);
            return null;
        } catch (FlyException e) {
            LOG.warn(
                    "The turn of session {} finished, but the session store could not record it: {}",
                    after.sessionId(),
                    e.getMessage());
            return e.getMessage();
        }
    }

    private Lease acquire(Session session) {
        try {
            return machines.acquireLease(
                    session.machineId(), LEASE_TTL, LeaseHolders.of("turn of session " + session.sessionId()));
        } catch (FlyConflictException held) {
            if (machines.find(session.machineId()).filter(m -> !m.isGone()).isEmpty()) {
                throw new SessionMachineGoneException(session.sessionId(), session.machineId());
            }
            String why = machines.findLease(session.machineId())
                    .map(LeaseHolders::heldBy)
                    .orElse("its machine's lease was held a moment ago");
            throw new SessionBusyException(session.sessionId(), why, held);
        } catch (FlyNotFoundException gone) {
            throw new SessionMachineGoneException(session.sessionId(), session.machineId());
        }
    }

    /** From the update's own time when Fly gave it (no request), else past everything printed so far. */
    private LogFollow follower(String machineId, Machine updated, TurnOptions options) {
        LogPosition after = updated.updatedAt() != null
                ? LogPosition.at(updated.updatedAt())
                : logs.drain(machineId).next();
        return Execution.follow(logs, machineId, after, options.onLine());
    }

    /**
     * The machine's current config with the new prompt, without the env the previous turn set for
     * itself, and with this turn's env (named in metadata so the next turn drops it in turn).
     */
    static MachineConfig nextConfig(MachineConfig current, TurnOptions options) {
        Map<String, String> env = new HashMap<>(current.env());
        String previous = current.metadata().get(FlyMarks.TURN_ENV);
        if (previous != null && !previous.isEmpty()) {
            Arrays.stream(previous.split(",")).forEach(env::remove);
        }
        Set<String> clashes = new TreeSet<>(options.env().keySet());
        clashes.removeIf(name -> !env.containsKey(name) && !name.equals(ImageContract.PROMPT));
        if (!clashes.isEmpty()) {
            throw new FlyValidationException(
                    "per-turn env may only add variables; the session already sets " + clashes);
        }
        env.putAll(options.env());
        env.put(ImageContract.PROMPT, options.prompt());
        Map<String, String> metadata = new HashMap<>(current.metadata());
        metadata.remove(FlyMarks.TURN_ENV);
        if (!options.env().isEmpty()) {
            metadata.put(
                    FlyMarks.TURN_ENV,
                    String.join(",", new TreeSet<>(options.env().keySet())));
        }
        return current.toBuilder().env(env).metadata(metadata).build();
    }

    /**
     * A turn that timed out or was interrupted may leave Claude running: stop the machine and wait until
     * this instance has stopped, so the session is again a stopped machine between turns before its record
     * says idle. Returns what went wrong while stopping (the record then stays {@code running}, for the
     * reaper to settle once the machine is down).
     */
    private List<FlyException> stopAfterFailedTurn(Session session, Machine updated, Lease lease) {
        boolean interrupted = Thread.interrupted();
        try {
            machines.leased(lease).stop(session.machineId());
            machines.awaitState(updated, MachineState.STOPPED, STOP_WAIT);
            store.save(session.withState(SessionState.IDLE));
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

    /**
     * Starts the updated machine, deciding from its state, never from an error's text. An update leaves a
     * stopped machine stopped (Fly, 2026): start it. A machine Fly is booting itself (an update replaces a
     * running instance) needs no start. One still stopping (a stop from elsewhere, or one that has not
     * settled) is waited for, then started. A 412 from the start is Fly's "not yet" (a stop seen by the API
     * but not by the host): the machine is read again and the same rule applied, a few times.
     */
    private void start(String sessionId, Machine updated, Lease lease, Duration timeout) {
        Machine current = updated;
        for (int attempt = 1; ; attempt++) {
            if (current.isGone()) {
                throw new SessionMachineGoneException(sessionId, current.id());
            }
            if (attempt > START_ATTEMPTS) {
                machines.leased(lease).start(current.id()); // the state never settled: Fly's answer decides
                return;
            }
            switch (current.state()) {
                case STARTING, STARTED, REPLACING -> {
                    LOG.debug("Machine {} is already {}; no start needed", current.id(), current.stateAsString());
                    return;
                }
                case STOPPING, SUSPENDING -> current = machines.waitFor(updated, MachineState.STOPPED, timeout);
                default -> {
                    try {
                        machines.leased(lease).start(current.id());
                        return;
                    } catch (FlyConflictException notYet) {
                        if (notYet.statusCode() != 412 || attempt >= START_ATTEMPTS) {
                            throw notYet;
                        }
                        Pause.of(Duration.ofMillis(100L * attempt), "starting the machine again");
                        current = machines.get(current.id());
                    }
                }
            }
        }
    }
}

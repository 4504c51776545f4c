package io.flaude.agent.internal;

import io.flaude.agent.ReapAction;
import io.flaude.agent.Session;
import io.flaude.agent.SessionBusyException;
import io.flaude.agent.SessionState;
import io.flaude.agent.SessionStore;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyConflictException;
import io.flaude.fly.FlyException;
import io.flaude.fly.FlyNotFoundException;
import io.flaude.fly.Lease;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.MachineState;
import io.flaude.fly.Machines;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The reaper: it applies the session lifecycle (docs/reliability.md) to what the store records and what Fly
 * holds, and never touches live work. Live work carries a mark: a create's record mark
 * ({@link Session#heldUntil()}), and the Fly lease of a turn's, a create's or a run's machine, which any
 * process on any host can see. What no live process marks is settled at once, whatever the grace: a create
 * that stopped is rolled back, a destroy cut short is finished, an abandoned turn's session is set idle once
 * its machine has stopped, a session whose machine is gone or that expired is destroyed, and the tokens of a
 * run or batch that no machine reads any more are unset. The grace applies only to what no record names
 * (another store's sessions look the same as lost ones); which tokens have no reader left is
 * {@link TokenSweep}'s to say. Not API.
 */
public final class SessionReaper {
    private final FlyClient fly;
    private final SessionStore store;
    private final Consumer<Session> destroySession;
    private final Duration detachWait;

    public SessionReaper(FlyClient fly, SessionStore store, Consumer<Session> destroySession, Duration detachWait) {
        this.fly = fly;
        this.store = store;
        this.destroySession = destroySession;
        this.detachWait = detachWait;
    }

    /** What to do with one recorded session, and why; {@code null} step: leave it. */
    private record Verdict(ReapAction.Step step, String reason) {}

    public List<ReapAction> reap(String app, boolean dryRun, Duration grace, Instant now) {
        List<ReapAction> actions = new ArrayList<>();
        Instant cutoff = now.minus(grace);
        List<Session> sessions =
                store.list().stream().filter(s -> app.equals(s.app())).toList();
        Machines machines = fly.machines(app);
        List<Machine> flaudeMachines;
        try {
            flaudeMachines = machines.list(MachineListOptions.withMetadata(FlyMarks.MANAGED_BY, FlyMarks.FLAUDE)
                    .includingDeleted());
        } catch (FlyNotFoundException appMissing) {
            if (fly.apps().find(app).isPresent()) {
                throw appMissing;
            }
            // No app, nothing on Fly: its records can only be dropped (destroy finds nothing and deletes them).
            sessions.forEach(s -> actions.add(act(
                    ReapAction.Kind.SESSION,
                    ReapAction.Step.DESTROY,
                    s.sessionId(),
                    s.sessionId(),
                    "gone: app " + app + " no longer exists",
                    dryRun,
                    () -> destroySession.accept(s))));
            return actions;
        }
        Map<String, Machine> byId = new HashMap<>();
        flaudeMachines.forEach(m -> byId.put(m.id(), m));
        for (Session s : sessions) {
            Verdict v = verdict(machines, s, byId.get(s.machineId()), now);
            if (v == null) {
                continue;
            }
            actions.add(act(
                    ReapAction.Kind.SESSION,
                    v.step(),
                    s.sessionId(),
                    s.sessionId(),
                    v.reason(),
                    dryRun,
                    v.step() == ReapAction.Step.DESTROY ? () -> destroySession.accept(s) : () -> setIdle(machines, s)));
        }
        // What a recorded session owns is reaped (or kept) with its session, never as an orphan.
        Set<String> recorded = sessions.stream().map(Session::sessionId).collect(Collectors.toSet());
        Set<String> recordedVolumes = sessions.stream().map(Session::volumeId).collect(Collectors.toSet());
        TokenSweep tokens = new TokenSweep();
        sessions.forEach(s -> tokens.read(FlyMarks.sessionSecrets(s.sessionId())));
        Set<String> liveMachines = new HashSet<>();
        for (Machine m : flaudeMachines) {
            Optional<String> prefix = m.metadata(FlyMarks.SECRETS_PREFIX);
            if (m.isGone()) {
                tokens.readUntilGone(m);
                continue;
            }
            liveMachines.add(m.id());
            String sessionId = m.metadata(FlyMarks.SESSION_ID).orElse(null);
            boolean orphan = sessionId == null
                    ? true // a one-shot machine: live only while its run holds its lease
                    : !recorded.contains(sessionId) && olderThan(m.createdAt(), cutoff);
            if (orphan && !leased(machines, m.id())) {
                actions.add(act(
                        ReapAction.Kind.MACHINE,
                        ReapAction.Step.DESTROY,
                        m.id(),
                        sessionId,
                        sessionId == null
                                ? "orphan: one-shot machine whose run is no longer live (no lease)"
                                : "orphan: no recorded session",
                        dryRun,
                        () -> machines.destroy(m.id(), true)));
                if (sessionId == null
                        && (dryRun || actions.get(actions.size() - 1).done())) {
                    prefix.ifPresent(tokens::readByDeadRun);
                }
            } else {
                prefix.ifPresent(tokens::read);
            }
        }
        List<Volume> volumes = fly.volumes(app).list(VolumeListOptions.LIVE);
        volumes.forEach(v -> tokens.volume(v.name()));
        for (TokenSweep.Orphan o : tokens.orphans(fly.secrets(app).list(), now, cutoff)) {
            actions.add(act(
                    ReapAction.Kind.SECRETS,
                    ReapAction.Step.DESTROY,
                    o.prefix() + "_*",
                    null,
                    o.reason(),
                    dryRun,
                    () -> fly.secrets(app).unset(o.names())));
        }
        for (Volume v : volumes) {
            if (v.name().startsWith(FlyMarks.VOLUME_PREFIX)
                    && !recordedVolumes.contains(v.id())
                    && (v.attachedMachineId() == null || !liveMachines.contains(v.attachedMachineId()))
                    && olderThan(v.createdAt(), cutoff)) {
                actions.add(act(
                        ReapAction.Kind.VOLUME,
                        ReapAction.Step.DESTROY,
                        v.id(),
                        null,
                        "orphan: session volume with no recorded session",
                        dryRun,
                        () -> fly.volumes(app).destroy(v.id(), detachWait)));
            }
        }
        return actions;
    }

    /**
     * The lifecycle table, for one recorded session no live process marks (a marked one is left alone):
     * <pre>
     * creating    rolled back (its create stopped before it finished)
     * destroying  destroyed (a destroy was cut short)
     * failed      destroyed
     * running     machine gone: destroyed; machine still running: left (its agent ends by itself);
     *             machine stopped: set idle (its turn's process stopped), or destroyed if expired
     * idle        machine gone or expired: destroyed
     * unknown     left (a newer flaude's state)
     * </pre>
     */
    private Verdict verdict(Machines machines, Session s, Machine listed, Instant now) {
        SessionState state = s.state();
        if (state == SessionState.UNKNOWN || s.heldAt(now)) {
            return null;
        }
        Verdict v =
                switch (state) {
                    case CREATING -> destroy("abandoned: its creation stopped before it finished");
                    case DESTROYING -> destroy("unfinished: a destroy of it was cut short");
                    case FAILED -> destroy("failed: " + (s.machineId() == null ? "no machine" : "its machine failed"));
                    case RUNNING, IDLE -> between(machines, s, listed, now);
                    default -> null;
                };
        if (v == null || s.machineId() == null || !leased(machines, s.machineId())) {
            return v;
        }
        return null; // a live turn, create or destroy holds the machine: its work, not ours
    }

    private Verdict between(Machines machines, Session s, Machine listed, Instant now) {
        if (s.machineId() == null) {
            return destroy("broken: it has no machine");
        }
        Optional<Machine> machine = listed != null && !listed.isGone() ? Optional.of(listed) : confirm(machines, s);
        if (machine == null) {
            return null; // Fly did not answer: decide next time
        }
        if (machine.isEmpty() || machine.get().isGone()) {
            return destroy("broken: its machine " + s.machineId() + " is gone");
        }
        MachineState ms = machine.get().state();
        if (ms == MachineState.STARTED || ms == MachineState.STARTING || ms == MachineState.STOPPING) {
            return null; // a turn's agent still runs (its process may have stopped: the machine stops by itself)
        }
        if (s.expiredAt(now)) {
            return destroy(
                    s.ttl() != null && !now.isBefore(s.createdAt().plus(s.ttl())) ? "expired: ttl" : "expired: idle");
        }
        return s.state() == SessionState.RUNNING
                ? new Verdict(
                        ReapAction.Step.SET_IDLE, "abandoned turn: its process stopped and its machine has stopped")
                : null;
    }

    /** The machine as a GET reads it (a listing may lag), empty when gone; {@code null} when Fly did not answer. */
    private static Optional<Machine> confirm(Machines machines, Session s) {
        try {
            return machines.find(s.machineId());
        } catch (FlyException e) {
            return null;
        }
    }

    private static Verdict destroy(String reason) {
        return new Verdict(ReapAction.Step.DESTROY, reason);
    }

    /**
     * Sets a session whose turn was abandoned idle, holding its machine's lease meanwhile so that a turn
     * starting elsewhere cannot be overwritten (that turn wins; this step then fails and says so).
     */
    private void setIdle(Machines machines, Session s) {
        Lease lease;
        try {
            lease = machines.acquireLease(
                    s.machineId(), TurnExecution.LEASE_TTL, LeaseHolders.of("reap of session " + s.sessionId()));
        } catch (FlyConflictException taken) {
            throw new SessionBusyException(s.sessionId(), "a turn took it meanwhile; left as it is", taken);
        }
        try {
            store.find(s.sessionId())
                    .filter(now -> now.state() == SessionState.RUNNING)
                    .ifPresent(now -> store.save(now.withState(SessionState.IDLE)));
        } finally {
            machines.releaseLease(lease);
        }
    }

    /** Whether a live lease is on the machine: someone's live work. Unsure (Fly did not answer) counts as live. */
    private static boolean leased(Machines machines, String machineId) {
        try {
            return machines.findLease(machineId).isPresent();
        } catch (FlyException e) {
            return true;
        }
    }

    private static boolean olderThan(Instant t, Instant cutoff) {
        return t == null || t.isBefore(cutoff);
    }

    private static ReapAction act(
            ReapAction.Kind kind,
            ReapAction.Step step,
            String id,
            String sessionId,
            String reason,
            boolean dryRun,
            Runnable work) {
        if (dryRun) {
            return new ReapAction(kind, step, id, sessionId, reason, false, null);
        }
        try {
            work.run();
            return new ReapAction(kind, step, id, sessionId, reason, true, null);
        } catch (FlyException e) {
            return new ReapAction(kind, step, id, sessionId, reason, false, e.getMessage());
        }
    }
}

package io.flaude.agent.internal;

import io.flaude.agent.ReapAction;
import io.flaude.agent.Session;
import io.flaude.agent.SessionState;
import io.flaude.agent.SessionStore;
import io.flaude.fly.AppSecret;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.FlyNotFoundException;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Finds what should no longer exist and destroys it (or, in a dry run, only reports it): expired
 * sessions, sessions stuck in creation or failed past the grace period, sessions whose machine is gone,
 * the records of an app that no longer exists, and orphans older than the grace period. A session whose
 * turn was abandoned (its process died) is set idle, not destroyed. Not API.
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

    public List<ReapAction> reap(String app, boolean dryRun, Duration grace, Instant now) {
        List<ReapAction> actions = new ArrayList<>();
        Instant cutoff = now.minus(grace);
        List<Session> sessions =
                store.list().stream().filter(s -> app.equals(s.app())).toList();
        List<Machine> flaudeMachines;
        try {
            flaudeMachines =
                    fly.machines(app).list(MachineListOptions.withMetadata(FlyMarks.MANAGED_BY, FlyMarks.FLAUDE));
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
        Set<String> liveMachines = flaudeMachines.stream()
                .filter(m -> !m.isGone())
                .map(Machine::id)
                .collect(Collectors.toSet());
        for (Session s : sessions) {
            String reason = reason(s, now, cutoff);
            if (reason == null && machineGone(s, liveMachines)) {
                reason = "broken: its machine " + s.machineId() + " is gone";
            }
            if (reason != null) {
                actions.add(act(
                        ReapAction.Kind.SESSION,
                        ReapAction.Step.DESTROY,
                        s.sessionId(),
                        s.sessionId(),
                        reason,
                        dryRun,
                        () -> destroySession.accept(s)));
            } else if (abandonedTurn(s, cutoff)) {
                actions.add(act(
                        ReapAction.Kind.SESSION,
                        ReapAction.Step.SET_IDLE,
                        s.sessionId(),
                        s.sessionId(),
                        "stale: running, but no turn holds it",
                        dryRun,
                        () -> store.save(s.withState(SessionState.IDLE))));
            }
        }
        // What a recorded session owns is reaped (or kept) with its session, never as an orphan.
        Set<String> liveSessions = sessions.stream().map(Session::sessionId).collect(Collectors.toSet());
        Set<String> liveVolumes = sessions.stream().map(Session::volumeId).collect(Collectors.toSet());
        Set<String> readSecrets = sessions.stream()
                .map(s -> FlyMarks.sessionSecrets(s.sessionId()))
                .collect(Collectors.toCollection(HashSet::new));
        for (Machine m : flaudeMachines) {
            String sessionId = m.metadata(FlyMarks.SESSION_ID).orElse(null);
            if (m.isGone()) {
                continue;
            }
            if ((sessionId == null || !liveSessions.contains(sessionId)) && olderThan(m.createdAt(), cutoff)) {
                actions.add(act(
                        ReapAction.Kind.MACHINE,
                        ReapAction.Step.DESTROY,
                        m.id(),
                        sessionId,
                        sessionId == null ? "orphan: one-shot machine left behind" : "orphan: no live session",
                        dryRun,
                        () -> fly.machines(app).destroy(m.id(), true)));
            } else {
                m.metadata(FlyMarks.SECRETS_PREFIX).ifPresent(readSecrets::add);
            }
        }
        orphanSecrets(app, readSecrets, cutoff, dryRun, actions);
        for (Volume v : fly.volumes(app).list(VolumeListOptions.LIVE)) {
            if (v.name().startsWith(FlyMarks.VOLUME_PREFIX)
                    && !liveVolumes.contains(v.id())
                    && olderThan(v.createdAt(), cutoff)) {
                actions.add(act(
                        ReapAction.Kind.VOLUME,
                        ReapAction.Step.DESTROY,
                        v.id(),
                        null,
                        "orphan: session volume with no live session",
                        dryRun,
                        () -> fly.volumes(app).destroy(v.id(), detachWait)));
            }
        }
        return actions;
    }

    /**
     * Secrets flaude named ({@link FlyMarks#SECRET_NAME}) that neither a recorded session nor a machine that
     * stays reads, last set before the grace period: a run or session whose cleanup was cut short.
     */
    private void orphanSecrets(String app, Set<String> read, Instant cutoff, boolean dryRun, List<ReapAction> actions) {
        Map<String, List<AppSecret>> orphans = new TreeMap<>();
        for (AppSecret secret : fly.secrets(app).list()) {
            Matcher name = FlyMarks.SECRET_NAME.matcher(secret.name());
            if (name.matches() && !read.contains(name.group(1))) {
                orphans.computeIfAbsent(name.group(1), k -> new ArrayList<>()).add(secret);
            }
        }
        orphans.forEach((prefix, secrets) -> {
            if (secrets.stream()
                    .allMatch(s -> olderThan(s.updatedAt() != null ? s.updatedAt() : s.createdAt(), cutoff))) {
                actions.add(act(
                        ReapAction.Kind.SECRETS,
                        ReapAction.Step.DESTROY,
                        prefix + "_*",
                        null,
                        "orphan: secrets no machine reads",
                        dryRun,
                        () -> fly.secrets(app)
                                .unset(secrets.stream().map(AppSecret::name).toList())));
            }
        });
    }

    /**
     * A record left {@code running} by a process that died mid-turn (kill -9): older than the grace
     * period, its machine holds no lease and is not running. The session itself is fine.
     */
    private boolean abandonedTurn(Session s, Instant cutoff) {
        Instant last = s.lastTurnAt() != null ? s.lastTurnAt() : s.createdAt();
        if (s.state() != SessionState.RUNNING || s.machineId() == null || !olderThan(last, cutoff)) {
            return false;
        }
        try {
            var machines = fly.machines(s.app());
            return machines.findLease(s.machineId()).isEmpty()
                    && machines.find(s.machineId())
                            .map(m -> m.state() != io.flaude.fly.MachineState.STARTED
                                    && m.state() != io.flaude.fly.MachineState.STARTING)
                            .orElse(false);
        } catch (FlyException e) {
            return false;
        }
    }

    private static String reason(Session s, Instant now, Instant cutoff) {
        if (s.expiredAt(now)) {
            return s.ttl() != null && !now.isBefore(s.createdAt().plus(s.ttl())) ? "expired: ttl" : "expired: idle";
        }
        boolean stuck = s.state() == SessionState.CREATING || s.state() == SessionState.FAILED;
        return stuck && olderThan(s.createdAt(), cutoff) ? "stale: " + s.stateAsString() : null;
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

    /**
     * A session between turns (or in one) whose machine is no longer among the app's live machines, confirmed
     * by a GET (a listing may lag): its volume is billed for nothing, and no turn can run again.
     */
    private boolean machineGone(Session s, Set<String> liveMachines) {
        if (s.machineId() == null
                || liveMachines.contains(s.machineId())
                || (s.state() != SessionState.IDLE && s.state() != SessionState.RUNNING)) {
            return false;
        }
        try {
            return fly.machines(s.app())
                    .find(s.machineId())
                    .map(Machine::isGone)
                    .orElse(true);
        } catch (FlyException e) {
            return false;
        }
    }
}

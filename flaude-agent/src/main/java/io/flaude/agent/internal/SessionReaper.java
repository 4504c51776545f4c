package io.flaude.agent.internal;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.ReapAction;
import io.flaude.agent.Session;
import io.flaude.agent.SessionState;
import io.flaude.agent.SessionStore;
import io.flaude.agent.Sessions;
import io.flaude.fly.AppSecret;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
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
 * sessions, sessions stuck in creation or failed past the grace period, and orphans older than the
 * grace period. Not API.
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
        List<Session> sessions = store.list().stream().filter(s -> app.equals(s.app())).toList();
        for (Session s : sessions) {
            String reason = reason(s, now, cutoff);
            if (reason != null) {
                actions.add(act(ReapAction.Kind.SESSION, s.sessionId(), s.sessionId(), reason, dryRun, () -> destroySession.accept(s)));
            } else if (abandonedTurn(s, cutoff)) {
                actions.add(act(ReapAction.Kind.SESSION, s.sessionId(), s.sessionId(),
                        "stale: running, but no turn holds it (set idle)", dryRun,
                        () -> store.save(s.withState(SessionState.IDLE))));
            }
        }
        // What a recorded session owns is reaped (or kept) with its session, never as an orphan.
        Set<String> liveSessions = sessions.stream().map(Session::sessionId).collect(Collectors.toSet());
        Set<String> liveVolumes = sessions.stream().map(Session::volumeId).collect(Collectors.toSet());
        MachineListOptions flaudes = MachineListOptions.withMetadata(AgentConfig.METADATA_MANAGED_BY,
                AgentConfig.MANAGED_BY_FLAUDE);
        Set<String> readSecrets = sessions.stream().map(s -> AgentSecrets.forSession(s.sessionId()))
                .collect(Collectors.toCollection(HashSet::new));
        for (Machine m : fly.machines(app).list(flaudes)) {
            String sessionId = m.metadata(AgentConfig.METADATA_SESSION_ID).orElse(null);
            if (m.isGone()) {
                continue;
            }
            if ((sessionId == null || !liveSessions.contains(sessionId)) && olderThan(m.createdAt(), cutoff)) {
                actions.add(act(ReapAction.Kind.MACHINE, m.id(), sessionId, sessionId == null ? "orphan: one-shot machine left behind"
                        : "orphan: no live session", dryRun, () -> fly.machines(app).destroy(m.id(), true)));
            } else {
                m.metadata(AgentSecrets.METADATA_PREFIX).ifPresent(readSecrets::add);
            }
        }
        orphanSecrets(app, readSecrets, cutoff, dryRun, actions);
        for (Volume v : fly.volumes(app).list(VolumeListOptions.LIVE)) {
            if (v.name().startsWith(Sessions.VOLUME_PREFIX) && !liveVolumes.contains(v.id()) && olderThan(v.createdAt(), cutoff)) {
                actions.add(act(ReapAction.Kind.VOLUME, v.id(), null, "orphan: session volume with no live session", dryRun,
                        () -> fly.volumes(app).destroy(v.id(), detachWait)));
            }
        }
        return actions;
    }

    /**
     * Secrets flaude named ({@link AgentSecrets#NAME}) that neither a recorded session nor a machine that
     * stays reads, last set before the grace period: a run or session whose cleanup was cut short.
     */
    private void orphanSecrets(String app, Set<String> read, Instant cutoff, boolean dryRun, List<ReapAction> actions) {
        Map<String, List<AppSecret>> orphans = new TreeMap<>();
        for (AppSecret secret : fly.secrets(app).list()) {
            Matcher name = AgentSecrets.NAME.matcher(secret.name());
            if (name.matches() && !read.contains(name.group(1))) {
                orphans.computeIfAbsent(name.group(1), k -> new ArrayList<>()).add(secret);
            }
        }
        orphans.forEach((prefix, secrets) -> {
            if (secrets.stream().allMatch(s -> olderThan(s.updatedAt() != null ? s.updatedAt() : s.createdAt(), cutoff))) {
                actions.add(act(ReapAction.Kind.SECRETS, prefix + "_*", null, "orphan: secrets no machine reads", dryRun,
                        () -> fly.secrets(app).unset(secrets.stream().map(AppSecret::name).toList())));
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
                    && machines.find(s.machineId()).map(m -> m.state() != io.flaude.fly.MachineState.STARTED
                    && m.state() != io.flaude.fly.MachineState.STARTING).orElse(false);
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

    private static ReapAction act(ReapAction.Kind kind, String id, String sessionId, String reason, boolean dryRun, Runnable destroy) {
        if (dryRun) {
            return new ReapAction(kind, id, sessionId, reason, false, null);
        }
        try {
            destroy.run();
            return new ReapAction(kind, id, sessionId, reason, true, null);
        } catch (FlyException e) {
            return new ReapAction(kind, id, sessionId, reason, false, e.getMessage());
        }
    }
}

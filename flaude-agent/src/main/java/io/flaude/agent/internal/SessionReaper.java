package io.flaude.agent.internal;

import io.flaude.agent.ReapAction;
import io.flaude.agent.Session;
import io.flaude.agent.SessionStore;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.Machine;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Finds what should no longer exist and destroys it (or, in a dry run, only reports it): expired
 * sessions, sessions stuck in creation or failed past the grace period, and orphans older than the
 * grace period. Not API.
 */
public final class SessionReaper {
    /** Session volumes carry this name prefix (see {@code Sessions.VOLUME_PREFIX}). */
    private static final String VOLUME_PREFIX = "flaude_s_";

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
                actions.add(act("session", s.sessionId(), s.sessionId(), reason, dryRun, () -> destroySession.accept(s)));
            }
        }
        // What a recorded session owns is reaped (or kept) with its session, never as an orphan.
        Set<String> liveSessions = sessions.stream().map(Session::sessionId).collect(Collectors.toSet());
        Set<String> liveVolumes = sessions.stream().map(Session::volumeId).collect(Collectors.toSet());
        for (Machine m : fly.machines(app).list(false, Map.of(AgentPayload.MANAGED_BY, AgentPayload.MANAGED_BY_FLAUDE))) {
            String sessionId = m.metadata(AgentPayload.SESSION_ID).orElse(null);
            if (!m.isGone() && (sessionId == null || !liveSessions.contains(sessionId)) && olderThan(m.createdAt(), cutoff)) {
                actions.add(act("machine", m.id(), sessionId, sessionId == null ? "orphan: one-shot machine left behind"
                        : "orphan: no live session", dryRun, () -> fly.machines(app).destroy(m.id(), true, null)));
            }
        }
        for (Volume v : fly.volumes(app).list(VolumeListOptions.LIVE)) {
            if (v.name().startsWith(VOLUME_PREFIX) && !liveVolumes.contains(v.id()) && olderThan(v.createdAt(), cutoff)) {
                actions.add(act("volume", v.id(), null, "orphan: session volume with no live session", dryRun,
                        () -> fly.volumes(app).destroy(v.id(), detachWait)));
            }
        }
        return actions;
    }

    private static String reason(Session s, Instant now, Instant cutoff) {
        if (s.expiredAt(now)) {
            return s.ttl() != null && !now.isBefore(s.createdAt().plus(s.ttl())) ? "expired: ttl" : "expired: idle";
        }
        boolean stuck = Session.CREATING.equals(s.state()) || Session.FAILED.equals(s.state());
        return stuck && olderThan(s.createdAt(), cutoff) ? "stale: " + s.state() : null;
    }

    private static boolean olderThan(Instant t, Instant cutoff) {
        return t == null || t.isBefore(cutoff);
    }

    private static ReapAction act(String kind, String id, String sessionId, String reason, boolean dryRun, Runnable destroy) {
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

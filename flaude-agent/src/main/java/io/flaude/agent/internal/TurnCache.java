package io.flaude.agent.internal;

import io.flaude.fly.HeldLease;
import io.flaude.fly.MachineConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one {@code Sessions} remembers between turns to keep requests off a turn's critical path:
 * each session machine's config as the last update answered it (no GET before the next update), and
 * the lease of a turn that just ended, left to linger for {@link #LINGER} (on the client's clock) so a
 * next turn right after takes it instead of releasing and acquiring again. A kept lease is released when
 * the linger ends, when the session is destroyed, or on {@link #releaseAll()}. Not API.
 */
public final class TurnCache {
    /** How long a finished turn's lease is kept for the next turn. */
    static final Duration LINGER = Duration.ofSeconds(2);
    /** A kept lease is taken only if it lives at least this much longer. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final Map<String, MachineConfig> configs = new ConcurrentHashMap<>();
    private final Map<String, HeldLease> leases = new ConcurrentHashMap<>();

    public Optional<MachineConfig> config(String sessionId) {
        return Optional.ofNullable(configs.get(sessionId));
    }

    public void config(String sessionId, MachineConfig config) {
        configs.put(sessionId, config);
    }

    /** The lease a turn of the session just left, refreshing again, if it was not released and lives a while. */
    public Optional<HeldLease> takeLease(String sessionId) {
        HeldLease kept = leases.remove(sessionId);
        return kept == null ? Optional.empty() : kept.reclaim(MARGIN);
    }

    /** Keeps a finished turn's lease for the next turn; it is released once the linger ends. */
    public void keepLease(String sessionId, HeldLease lease) {
        lease.linger(LINGER);
        HeldLease before = leases.put(sessionId, lease);
        if (before != null && before != lease) {
            before.close();
        }
    }

    /** Releases the session's kept lease now (before a destroy) and forgets its config. */
    public void forget(String sessionId) {
        configs.remove(sessionId);
        HeldLease kept = leases.remove(sessionId);
        if (kept != null) {
            kept.close();
        }
    }

    /** Releases every kept lease now. */
    public void releaseAll() {
        for (String id : leases.keySet()) {
            HeldLease kept = leases.remove(id);
            if (kept != null) {
                kept.close();
            }
        }
    }
}

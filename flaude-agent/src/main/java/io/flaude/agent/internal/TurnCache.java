package io.flaude.agent.internal;

import io.flaude.fly.FlyException;
import io.flaude.fly.Lease;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.Machines;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code Sessions} remembers between turns to keep requests off a turn's critical path:
 * each session machine's config as the last update answered it (no GET before the next update), and
 * the lease of a turn that just ended, kept for {@link #LINGER} so a next turn right after takes it
 * instead of releasing and acquiring again. A kept lease is released when the linger ends, when the
 * session is destroyed, or on {@link #releaseAll()}. Not API.
 */
public final class TurnCache {
    private static final Logger LOG = LoggerFactory.getLogger(TurnCache.class);
    /** How long a finished turn's lease is kept for the next turn. */
    static final Duration LINGER = Duration.ofSeconds(2);
    /** A kept lease is taken only if it lives at least this much longer. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private record Kept(Lease lease, Machines machines) {}

    private final Map<String, MachineConfig> configs = new ConcurrentHashMap<>();
    private final Map<String, Kept> leases = new ConcurrentHashMap<>();

    public Optional<MachineConfig> config(String sessionId) {
        return Optional.ofNullable(configs.get(sessionId));
    }

    public void config(String sessionId, MachineConfig config) {
        configs.put(sessionId, config);
    }

    /** The lease a turn of the session just left, if it is still good for a while. */
    public Optional<Lease> takeLease(String sessionId) {
        Kept kept = leases.remove(sessionId);
        if (kept == null) {
            return Optional.empty();
        }
        Instant expires = kept.lease().expiresAt();
        if (expires != null && expires.isAfter(Instant.now().plus(MARGIN))) {
            return Optional.of(kept.lease());
        }
        release(kept);
        return Optional.empty();
    }

    /** Keeps a finished turn's lease for the next turn; releases it in the background once the linger ends. */
    public void keepLease(String sessionId, Lease lease, Machines machines) {
        Kept kept = new Kept(lease, machines);
        Kept before = leases.put(sessionId, kept);
        if (before != null && before != kept) {
            release(before);
        }
        Thread.ofVirtual().name("flaude-lease-linger-" + sessionId).start(() -> {
            try {
                Thread.sleep(LINGER);
            } catch (InterruptedException e) {
                return;
            }
            if (leases.remove(sessionId, kept)) {
                release(kept);
            }
        });
    }

    /** Releases the session's kept lease now (before a destroy) and forgets its config. */
    public void forget(String sessionId) {
        configs.remove(sessionId);
        Kept kept = leases.remove(sessionId);
        if (kept != null) {
            release(kept);
        }
    }

    /** Releases every kept lease now. */
    public void releaseAll() {
        for (String id : leases.keySet()) {
            Kept kept = leases.remove(id);
            if (kept != null) {
                release(kept);
            }
        }
    }

    private static void release(Kept kept) {
        try {
            kept.machines().releaseLease(kept.lease());
        } catch (FlyException e) {
            LOG.debug(
                    "Could not release the lease on machine {} (it expires by itself): {}",
                    kept.lease().machineId(),
                    e.getMessage());
        }
    }
}

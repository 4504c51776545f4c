package io.flaude.emulator.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Fly's documented Machines API limits as token buckets, one per action and machine (or app): 1
 * request/s with bursts of 3; get machine 5/s with bursts of 10; app deletes 100/min. The logs API
 * and requests that address no operation are not limited (Fly documents no limit for them).
 */
public final class RateLimiter {
    private record Limit(double perSecond, double burst) {}

    private static final Limit DEFAULT = new Limit(1, 3);
    private static final Map<String, Limit> SPECIAL = Map.of(
            "Machines_show", new Limit(5, 10),
            "Apps_delete", new Limit(100 / 60.0, 100));

    private static final class Bucket {
        double tokens;
        long at;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final LongSupplier nanos;

    public RateLimiter(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Takes a token for {@code operation} on {@code scope} (a machine id, an app name); false: over the limit. */
    public boolean tryAcquire(String operation, String scope) {
        if (operation == null || operation.startsWith("Logs_")) {
            return true;
        }
        Limit limit = SPECIAL.getOrDefault(operation, DEFAULT);
        lock.lock();
        try {
            long now = nanos.getAsLong();
            Bucket b = buckets.computeIfAbsent(operation + " " + scope, k -> {
                Bucket fresh = new Bucket();
                fresh.tokens = limit.burst();
                fresh.at = now;
                return fresh;
            });
            b.tokens = Math.min(limit.burst(), b.tokens + (now - b.at) / 1e9 * limit.perSecond());
            b.at = now;
            if (b.tokens < 1) {
                return false;
            }
            b.tokens -= 1;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every bucket: every action starts with a full burst again. */
    public void reset() {
        lock.lock();
        try {
            buckets.clear();
        } finally {
            lock.unlock();
        }
    }
}

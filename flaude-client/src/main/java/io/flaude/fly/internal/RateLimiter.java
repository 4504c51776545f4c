package io.flaude.fly.internal;

import io.flaude.fly.RateBudget;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The client's side of Fly's rate limits: a token bucket per action and machine (or app), from a
 * {@link RateBudget}. A request takes a token, or reserves the next one and waits for it, so
 * callers queue in order instead of racing. The logs API is not limited (Fly documents no limit). Not API.
 */
public final class RateLimiter {
    private static final class Bucket {
        double tokens;
        long at;
    }

    private static final double MARGIN = 1.05;
    private static final long SLACK_NANOS = 5_000_000;

    private final RateBudget budget;
    private final LongSupplier nanos;
    private final Clock pause;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final AtomicLong waits = new AtomicLong();

    public RateLimiter(RateBudget budget, LongSupplier nanos, Clock pause) {
        this.budget = budget;
        this.nanos = nanos;
        this.pause = pause;
    }

    /** Waits until {@code request} may go. */
    public void acquire(FlyRequest request) {
        if (!budget.limited() || request.logsApi()) {
            return;
        }
        Duration wait = reserve(request);
        if (wait.isPositive()) {
            waits.incrementAndGet();
            pause.sleep(wait, "the rate budget of " + request.method() + " " + request.path());
        }
    }

    /** How many requests had to wait for their turn. */
    public long waits() {
        return waits.get();
    }

    private Duration reserve(FlyRequest request) {
        boolean getMachine = request.method().equals("GET") && isMachine(request.path());
        double rate = getMachine ? budget.getMachinePerSecond() : budget.perSecond();
        double burst = getMachine ? budget.getMachineBurst() : budget.burst();
        if (rate <= 0) {
            return Duration.ZERO;
        }
        lock.lock();
        try {
            long now = nanos.getAsLong();
            Bucket b = buckets.computeIfAbsent(key(request), k -> {
                Bucket fresh = new Bucket();
                fresh.tokens = Math.max(1, burst);
                fresh.at = now;
                return fresh;
            });
            b.tokens = Math.min(Math.max(1, burst), b.tokens + (now - b.at) / 1e9 * rate);
            b.at = now;
            b.tokens -= 1;
            // A little more than the exact refill time: requests that left together can arrive bunched up.
            return b.tokens >= 0
                    ? Duration.ZERO
                    : Duration.ofNanos((long) (-b.tokens / rate * 1e9 * MARGIN) + SLACK_NANOS);
        } finally {
            lock.unlock();
        }
    }

    /** The action (method and path with ids left out) and what it acts on (the machine, else the app). */
    static String key(FlyRequest request) {
        String[] parts = request.path().split("/");
        // /apps/{app}/machines/{id}/{action...} or /apps/{app}/volumes/{id}/...
        StringBuilder action = new StringBuilder(request.method());
        String scope = "";
        for (int i = 1; i < parts.length; i++) {
            boolean id = i == 2 || i == 4;
            action.append('/').append(id ? "*" : parts[i]);
            if (i == 2) {
                scope = parts[i];
            } else if (i == 4 && "machines".equals(parts[3])) {
                scope = parts[i];
            }
        }
        return action + " " + scope;
    }

    private static boolean isMachine(String path) {
        String[] parts = path.split("/");
        return parts.length == 5 && "apps".equals(parts[1]) && "machines".equals(parts[3]);
    }
}

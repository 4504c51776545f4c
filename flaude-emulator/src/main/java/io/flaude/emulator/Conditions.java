package io.flaude.emulator;

import io.flaude.emulator.internal.RateLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How hard the emulated Fly is, changeable while it runs: per-request latency, Fly's rate limits,
 * and seeded random faults. Every fault injected and every request the rate limits refused is
 * counted. Starts as {@link Profile#DEFAULT} (instant, unlimited, no faults) unless the builder said
 * otherwise; reachable over HTTP too, under {@code /_emulator/conditions} (see docs/emulator.md).
 * Thread-safe; with one request at a time, the same seed gives the same latencies and faults.
 */
public final class Conditions {
    private static final Duration SLOW_MIN = Duration.ofSeconds(1);
    private static final Duration SLOW_MAX = Duration.ofSeconds(3);

    private final ReentrantLock lock = new ReentrantLock();
    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private final Map<FaultKind, Double> faultRates = new EnumMap<>(FaultKind.class);
    private final Map<FaultKind, Long> injected = new EnumMap<>(FaultKind.class);
    private Duration minLatency = Duration.ZERO;
    private Duration maxLatency = Duration.ZERO;
    private boolean rateLimits;
    private Duration retryAfter = Duration.ZERO;
    private long seed;
    private SplittableRandom random;
    private long refusedByRateLimits;

    Conditions() {
        seed(0);
    }

    /** What happens to one request: wait, then maybe a fault or a rate-limit refusal. */
    record Decision(Duration latency, FaultKind fault, boolean rateLimited, Duration retryAfter) {}

    /** Applies a profile's latency and rate limits (random faults are left as they are). */
    public Conditions profile(Profile profile) {
        profile.applyTo(this);
        return this;
    }

    /** The same latency for every request. */
    public Conditions latency(Duration fixed) {
        return latency(fixed, fixed);
    }

    /** A latency drawn for each request, uniformly between {@code min} and {@code max} (seeded). */
    public Conditions latency(Duration min, Duration max) {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max, got " + min + ".." + max);
        }
        return set(() -> {
            minLatency = min;
            maxLatency = max;
        });
    }

    /** Whether Fly's documented rate limits are enforced (HTTP 429 over the limit). */
    public Conditions rateLimits(boolean enforced) {
        return set(() -> {
            rateLimits = enforced;
            limiter.reset();
        });
    }

    /**
     * Sends a {@code Retry-After} header of this many whole seconds with every 429; {@link Duration#ZERO}
     * (the default, as Fly does as far as anyone has seen) sends none.
     */
    public Conditions retryAfter(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        return set(() -> this.retryAfter = retryAfter);
    }

    /** Faults each request with probability {@code rate} (0-1), the kind drawn evenly from {@link FaultKind}. */
    public Conditions randomFaults(double rate) {
        checkRate(rate);
        Map<FaultKind, Double> even = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            even.put(kind, rate / FaultKind.values().length);
        }
        return randomFaults(even);
    }

    /** Faults each request with these probabilities per kind (their sum at most 1); kinds left out are 0. */
    public Conditions randomFaults(Map<FaultKind, Double> rates) {
        double sum = 0;
        for (double r : rates.values()) {
            checkRate(r);
            sum += r;
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates add up to " + sum + ", more than 1");
        }
        return set(() -> {
            faultRates.clear();
            faultRates.putAll(rates);
        });
    }

    /** Restarts the random draws (latencies and faults) from {@code seed}. */
    public Conditions seed(long seed) {
        return set(() -> {
            this.seed = seed;
            random = new SplittableRandom(seed);
        });
    }

    /** Back to {@link Profile#DEFAULT}: no latency, no rate limits, no faults, seed 0, counters at zero. */
    public Conditions reset() {
        return set(() -> {
            minLatency = Duration.ZERO;
            maxLatency = Duration.ZERO;
            rateLimits = false;
            retryAfter = Duration.ZERO;
            faultRates.clear();
            injected.clear();
            refusedByRateLimits = 0;
            limiter.reset();
            seed = 0;
            random = new SplittableRandom(0);
        });
    }

    public Duration minLatency() {
        return read(() -> minLatency);
    }

    public Duration maxLatency() {
        return read(() -> maxLatency);
    }

    public boolean rateLimitsEnforced() {
        return read(() -> rateLimits);
    }

    public Duration retryAfter() {
        return read(() -> retryAfter);
    }

    public long seed() {
        return read(() -> seed);
    }

    /** The probability of each fault kind per request. */
    public Map<FaultKind, Double> faultRates() {
        return read(() -> Map.copyOf(faultRates));
    }

    /** How many faults of each kind were injected so far. */
    public Map<FaultKind, Long> injected() {
        return read(() -> Map.copyOf(injected));
    }

    /** How many requests the rate limits refused with 429 so far. */
    public long refusedByRateLimits() {
        return read(() -> refusedByRateLimits);
    }

    /** Decides the fate of one API request addressing {@code operation} on {@code scope}; counts what it injects. */
    Decision decide(String operation, String scope) {
        lock.lock();
        try {
            Duration latency = draw(minLatency, maxLatency);
            FaultKind fault = drawFault();
            if (fault == FaultKind.SLOW) {
                latency = latency.plus(draw(SLOW_MIN, SLOW_MAX));
            }
            if (fault != null) {
                injected.merge(fault, 1L, Long::sum);
            }
            boolean limited = fault == null && rateLimits && !limiter.tryAcquire(operation, scope);
            if (limited) {
                refusedByRateLimits++;
            }
            return new Decision(latency, fault, limited, retryAfter);
        } finally {
            lock.unlock();
        }
    }

    private Duration draw(Duration min, Duration max) {
        long span = max.toNanos() - min.toNanos();
        return span == 0 ? min : min.plusNanos(random.nextLong(span + 1));
    }

    private FaultKind drawFault() {
        if (faultRates.isEmpty()) {
            return null;
        }
        double u = random.nextDouble();
        double cumulative = 0;
        for (FaultKind kind : FaultKind.values()) {
            cumulative += faultRates.getOrDefault(kind, 0.0);
            if (u < cumulative) {
                return kind;
            }
        }
        return null;
    }

    private static void checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a fault rate is a probability from 0 to 1, got " + rate);
        }
    }

    private Conditions set(Runnable change) {
        lock.lock();
        try {
            change.run();
            return this;
        } finally {
            lock.unlock();
        }
    }

    private <T> T read(java.util.function.Supplier<T> value) {
        lock.lock();
        try {
            return Objects.requireNonNull(value.get());
        } finally {
            lock.unlock();
        }
    }
}

package io.flaude.emulator;

import java.time.Duration;

/**
 * A starting point for {@link Conditions}: how far away and how strict the emulated Fly is.
 */
public enum Profile {
    /** Instant and unlimited, no random faults: for fast unit tests. */
    DEFAULT(Duration.ZERO, Duration.ZERO, false),
    /**
     * Fly as a client on the internet sees it: 20 to 80 ms per request (seeded), and Fly's documented
     * rate limits enforced (1 request/s per action and machine or app, bursts of 3; get machine 5/s,
     * bursts of 10; app deletes 100/min).
     */
    FLY(Duration.ofMillis(20), Duration.ofMillis(80), true);

    private final Duration minLatency;
    private final Duration maxLatency;
    private final boolean rateLimits;

    Profile(Duration minLatency, Duration maxLatency, boolean rateLimits) {
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.rateLimits = rateLimits;
    }

    /** Applies this profile's latency and rate limits to {@code conditions} (random faults are left as they are). */
    void applyTo(Conditions conditions) {
        conditions.latency(minLatency, maxLatency).rateLimits(rateLimits);
    }
}

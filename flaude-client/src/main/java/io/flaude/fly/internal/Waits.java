package io.flaude.fly.internal;

import io.flaude.fly.FlyTimeoutException;
import io.flaude.fly.FlyVolumeBoundException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deadline-bounded polling and retrying with capped exponential backoff. Not API. */
public final class Waits {
    private static final Logger LOG = LoggerFactory.getLogger(Waits.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final Clock clock;

    public Waits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads {@code read} until {@code condition} holds and returns that value, or raises
     * {@link FlyTimeoutException} naming {@code what}, the {@code wanted} condition and the last state
     * seen, and carrying the last value read.
     */
    public <T> T poll(
            String what,
            String wanted,
            Duration timeout,
            Supplier<T> read,
            Predicate<T> condition,
            Function<T, String> stateOf) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        Duration delay = FIRST_POLL;
        for (int attempt = 1; ; attempt++) {
            T value = read.get();
            if (condition.test(value)) {
                return value;
            }
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                throw new FlyTimeoutException(
                        what + " did not become " + wanted + " within " + timeout.toMillis() + " ms (last state '"
                                + stateOf.apply(value) + "')",
                        value,
                        attempt);
            }
            clock.sleep(min(delay, left), what + " to become " + wanted);
            delay = min(delay.multipliedBy(2), MAX_POLL.toNanos());
        }
    }

    /** Runs {@code action}, retrying while the volume is still bound to a machine, until {@code wait} has passed. */
    public <T> T retryWhileBound(String volumeId, Duration wait, Supplier<T> action) {
        long deadline = clock.nanoTime() + wait.toNanos();
        Duration delay = FIRST_RETRY;
        while (true) {
            try {
                return action.get();
            } catch (FlyVolumeBoundException bound) {
                long left = deadline - clock.nanoTime();
                if (left <= 0) {
                    throw bound;
                }
                Duration next = min(delay, left);
                LOG.info(
                        "Volume {} is still bound to machine {}; retrying in {} ms",
                        volumeId,
                        bound.machineId().orElse("?"),
                        next.toMillis());
                clock.sleep(next, "volume " + volumeId + " to be released");
                delay = min(delay.multipliedBy(2), MAX_RETRY.toNanos());
            }
        }
    }

    private static Duration min(Duration d, long nanos) {
        return d.toNanos() <= nanos ? d : Duration.ofNanos(nanos);
    }
}

package io.flaude.fly.internal;

import io.flaude.fly.FlyInterruptedException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The one source of time for the client's background work and waits: retries, polls, the rate budget,
 * the log reader's intervals and lingering, a follower's grace. {@link #system()} is the real clock; a test
 * hands the client one it drives ({@code FlyClient.Builder.clock}), as OkHttp's task runner takes a fake
 * backend. An interrupt ends any wait. Not API.
 */
public interface Clock {
    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** The wall-clock time, for log positions. */
    Instant now();

    /**
     * Waits on {@code condition}, whose lock the caller holds, until it is signalled or {@code nanos} of this
     * clock's time have passed; returns the nanoseconds left (0 or less: the time is up), as
     * {@link Condition#awaitNanos(long)} does.
     */
    long awaitNanos(Condition condition, long nanos) throws InterruptedException;

    /** Sleeps {@code millis} of this clock's time. */
    void sleepMillis(long millis) throws InterruptedException;

    /** The real clock. */
    static Clock system() {
        return Real.CLOCK;
    }

    /** Sleeps; {@code what} names what is being waited for, for the error if interrupted. */
    default void sleep(Duration d, String what) {
        try {
            sleepMillis(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlyInterruptedException("interrupted while waiting for " + what, e);
        }
    }

    /** The real clock. */
    enum Real implements Clock {
        CLOCK;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long awaitNanos(Condition condition, long nanos) throws InterruptedException {
            return condition.awaitNanos(nanos);
        }

        @Override
        public void sleepMillis(long millis) throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }
}

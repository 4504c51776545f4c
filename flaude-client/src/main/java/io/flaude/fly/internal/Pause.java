package io.flaude.fly.internal;

import io.flaude.fly.FlyInterruptedException;
import java.time.Duration;

/**
 * The one place the client sleeps (between retries and polls): a seam for a test clock. An interrupt
 * ends the wait: the flag is restored and the caller gets {@link FlyInterruptedException}. Not API.
 */
@FunctionalInterface
public interface Pause {
    void sleepMillis(long millis) throws InterruptedException;

    /** The real clock. */
    static Pause system() {
        return Thread::sleep;
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
}

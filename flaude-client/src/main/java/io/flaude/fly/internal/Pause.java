package io.flaude.fly.internal;

import io.flaude.fly.FlyError;
import io.flaude.fly.FlyTransportException;
import java.time.Duration;

/**
 * The one place the client sleeps (between retries and polls): a seam for a future test clock.
 * An interrupt ends the wait: the flag is restored and the caller gets a transport exception. Not API.
 */
@FunctionalInterface
public interface Pause {
    void sleepMillis(long millis) throws InterruptedException;

    /** The real clock. */
    static Pause system() {
        return Thread::sleep;
    }

    /** Sleeps; {@code context} names the call being waited on, for the error if interrupted. */
    default void sleep(Duration d, FlyError context) {
        try {
            sleepMillis(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlyTransportException(new FlyError(0, "interrupted while waiting",
                    context.method(), context.url(), null, null), e);
        }
    }
}

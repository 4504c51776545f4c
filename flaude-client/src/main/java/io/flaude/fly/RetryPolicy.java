package io.flaude.fly;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a failed call is tried again, and after how long. The client asks it after every
 * failure of a call; the default, {@link #none()}, never retries, so every failure reaches the caller
 * at once.
 */
@FunctionalInterface
public interface RetryPolicy {

    /**
     * @param attempt    how many times the call has been tried so far (1 after the first failure)
     * @param failure    what the last try raised
     * @param idempotent whether the call may be repeated without a second effect (GET, PUT, DELETE)
     * @return the pause before the next try, or empty to give up and raise {@code failure}
     */
    Optional<Duration> retryDelay(int attempt, FlyException failure, boolean idempotent);

    /** Never retry. */
    static RetryPolicy none() {
        return (attempt, failure, idempotent) -> Optional.empty();
    }
}

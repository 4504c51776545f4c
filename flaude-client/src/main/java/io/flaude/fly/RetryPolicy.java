package io.flaude.fly;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a failed call is tried again, and after how long. The client asks it after every
 * failure of a call. {@link #standard()} (the client's default) retries what is safe to retry;
 * {@link #none()} never retries.
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

    /**
     * Up to 6 tries with capped, jittered exponential backoff (250 ms doubling, at most 8 s; a
     * {@code Retry-After} Fly sends wins). Retried: a 429 or "rate limit exceeded" for any call (Fly
     * refused it, so it was not applied); for idempotent calls also 408, 500, 502, 503, 504 and transport
     * failures (the request may or may not have arrived; repeating it changes nothing). A create whose
     * answer was lost is never repeated blindly: that needs a reconcile first.
     */
    static RetryPolicy standard() {
        return exponential(6, Duration.ofMillis(250), Duration.ofSeconds(8));
    }

    /**
     * {@link #standard()}'s rules with other bounds: at most {@code maxAttempts} tries, backoff from {@code base} up to
     * {@code max}.
     */
    static RetryPolicy exponential(int maxAttempts, Duration base, Duration max) {
        if (maxAttempts < 1 || base.isNegative() || max.compareTo(base) < 0) {
            throw new FlyValidationException("a retry policy needs at least 1 attempt and 0 <= base <= max");
        }
        return (attempt, failure, idempotent) -> {
            if (attempt >= maxAttempts || !retriable(failure, idempotent)) {
                return Optional.empty();
            }
            if (failure instanceof FlyRateLimitedException limited
                    && limited.retryAfter().isPresent()) {
                return limited.retryAfter();
            }
            long cap = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
            // Half fixed, half random: spreads retries of many callers without starving any.
            return Optional.of(
                    Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1)));
        };
    }

    /**
     * From the failure's own classification: a refusal that was not applied and may pass later (a 429) is
     * tried again for any call; a failure whose outcome is unknown, only for an idempotent call. A capacity
     * error or a bound volume is retryable too, but not by repeating the request at once: their callers wait.
     */
    private static boolean retriable(FlyException failure, boolean idempotent) {
        if (failure instanceof FlyRateLimitedException) {
            return true;
        }
        return idempotent && failure.retryable() && failure.outcomeUnknown();
    }
}

package io.flaude.fly;

import java.time.Duration;
import java.util.Optional;

/**
 * Fly throttled the request (HTTP 429, or a message saying {@code rate limit exceeded}). Fly documents
 * 1 request/s per action and machine or app, with bursts of 3.
 */
public class FlyRateLimitedException extends FlyApiException {
    private final Duration retryAfter;

    public FlyRateLimitedException(FlyError error, Duration retryAfter, Throwable cause) {
        super(error, cause);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, when it sent one (Fly usually does not). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}

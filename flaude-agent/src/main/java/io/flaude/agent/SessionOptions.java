package io.flaude.agent;

import io.flaude.fly.FlyValidationException;
import java.time.Duration;

/**
 * How a session is made and kept.
 *
 * @param volumeSizeGb size of the session's volume (1-500)
 * @param ttl          expire this long after creation ({@code null}: never)
 * @param idleTimeout  expire this long after the last turn ({@code null}: never)
 * @param turnTimeout  how long one turn may run
 */
public record SessionOptions(int volumeSizeGb, Duration ttl, Duration idleTimeout, Duration turnTimeout) {
    public SessionOptions {
        positive("ttl", ttl);
        positive("idle timeout", idleTimeout);
        positive("turn timeout", turnTimeout);
        if (turnTimeout == null) {
            throw new FlyValidationException("a session needs a turn timeout");
        }
    }

    private static void positive(String what, Duration d) {
        if (d != null && !d.isPositive()) {
            throw new FlyValidationException("the " + what + " must be positive, got " + d.toSeconds() + " s");
        }
    }

    /** 1 GB, no expiry, 30-minute turns. */
    public static final SessionOptions DEFAULTS = new SessionOptions(1, null, null, Duration.ofMinutes(30));

    public SessionOptions withTtl(Duration newTtl) {
        return new SessionOptions(volumeSizeGb, newTtl, idleTimeout, turnTimeout);
    }

    public SessionOptions withIdleTimeout(Duration newIdle) {
        return new SessionOptions(volumeSizeGb, ttl, newIdle, turnTimeout);
    }

    public SessionOptions withVolumeSizeGb(int sizeGb) {
        return new SessionOptions(sizeGb, ttl, idleTimeout, turnTimeout);
    }

    public SessionOptions withTurnTimeout(Duration timeout) {
        return new SessionOptions(volumeSizeGb, ttl, idleTimeout, timeout);
    }
}

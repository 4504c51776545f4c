package io.flaude.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One scripted misbehaviour for {@link Faults#script}: answer with a given status instead of serving
 * the request, wait before serving it, or drop the connection without answering. Build one with the
 * static factories; {@link #after(Duration)} puts a wait in front of any of them.
 *
 * @param status the status to answer with instead of serving the request, or 0 to serve it
 * @param body the JSON body sent with {@code status} ({@code ""} for none, and always {@code ""} when
 *     {@code status} is 0)
 * @param dropConnection whether to close the connection without any response
 * @param delay how long to wait before acting
 * @param afterApplying with {@code dropConnection}: serve the request first, then drop the connection
 *     before the answer, so the client never hears that it took effect
 */
public record Fault(int status, String body, boolean dropConnection, Duration delay, boolean afterApplying) {
    /** Checks that the components describe one coherent fault; prefer the static factories. */
    public Fault {
        Objects.requireNonNull(delay, "delay");
        body = body == null ? "" : body;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be an HTTP status (100-599) or 0: " + status);
        }
        if (status != 0 && dropConnection) {
            throw new IllegalArgumentException("a dropped connection has no status");
        }
        if (afterApplying && !dropConnection) {
            throw new IllegalArgumentException("only a dropped connection comes after applying the request");
        }
        if (status == 0 && !body.isEmpty()) {
            throw new IllegalArgumentException("only a status fault has a body");
        }
    }

    /** Answer with this status and JSON body (content-type {@code application/json}) without applying the request. */
    public static Fault status(int status, String body) {
        if (status == 0) {
            throw new IllegalArgumentException("status must be an HTTP status (100-599): 0");
        }
        return new Fault(status, body, false, Duration.ZERO, false);
    }

    /** Wait, then serve the request normally. */
    public static Fault delay(Duration delay) {
        return new Fault(0, "", false, delay, false);
    }

    /**
     * Close the connection without any response; the client sees an I/O error. Note that HTTP clients
     * may retry an idempotent request once on a reused connection that closes this way (the JDK
     * client does), and the retry is the next matching request.
     */
    public static Fault drop() {
        return new Fault(0, "", true, Duration.ZERO, false);
    }

    /**
     * Serve the request (it takes effect), then close the connection without the answer: the client
     * sees an I/O error and cannot tell that its create or delete worked. The journal keeps the answer
     * that was never sent, with status 0.
     */
    public static Fault dropAfterApplying() {
        return new Fault(0, "", true, Duration.ZERO, true);
    }

    /** Fly's throttling answer: 429 {@code {"error":"rate limit exceeded"}}. */
    public static Fault rateLimited() {
        return status(429, "{\"error\":\"rate limit exceeded\"}");
    }

    /** The same fault, preceded by a wait of {@code delay} (added to any wait it already has). */
    public Fault after(Duration delay) {
        return new Fault(status, body, dropConnection, this.delay.plus(delay), afterApplying);
    }
}

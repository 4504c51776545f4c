package io.flaude.emulator;

import io.flaude.emulator.internal.ApiResponse;
import java.time.Duration;

/** The answers Fly gives for the faults that answer (the others reset the connection or only delay). */
final class RandomFaults {
    private RandomFaults() {}

    /** Whether this fault is an answer in place of serving the request. */
    static boolean answers(FaultKind kind) {
        return kind == FaultKind.RATE_LIMITED
                || kind == FaultKind.SERVER_ERROR
                || kind == FaultKind.BAD_GATEWAY
                || kind == FaultKind.UNAVAILABLE;
    }

    /** Fly's answer for {@code kind}; a 429 carries {@code Retry-After} only when {@code retryAfter} is positive. */
    static ApiResponse answer(FaultKind kind, String operation, Duration retryAfter) {
        return switch (kind) {
            case RATE_LIMITED -> {
                // The wording seen on bursts of machine creates (superfly/flyctl#3961).
                String message = "Machines_create".equals(operation)
                        ? "failed to launch VM: resource_exhausted: rate limit exceeded"
                        : "resource_exhausted: rate limit exceeded";
                ApiResponse r = ApiResponse.error(429, message);
                yield retryAfter.isPositive()
                        ? r.withHeader("retry-after", Long.toString(Math.max(1, retryAfter.toSeconds())))
                        : r;
            }
            case SERVER_ERROR -> ApiResponse.error(500, "internal: an internal error occurred, try again");
            case BAD_GATEWAY -> ApiResponse.error(502, "bad gateway: upstream did not answer");
            case UNAVAILABLE -> ApiResponse.error(503, "unavailable: service temporarily unavailable, try again");
            default -> throw new IllegalArgumentException(kind + " is not an answer");
        };
    }
}

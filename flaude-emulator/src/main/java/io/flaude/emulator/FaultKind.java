package io.flaude.emulator;

/**
 * The misbehaviours {@link Conditions#randomFaults} draws from, each as Fly (or the network in front
 * of it) shows it.
 */
public enum FaultKind {
    /** HTTP 429 {@code resource_exhausted: rate limit exceeded}; the request is not applied. */
    RATE_LIMITED,
    /** HTTP 500 {@code internal: ...}; the request is not applied. */
    SERVER_ERROR,
    /** HTTP 502 from Fly's edge; the request is not applied. */
    BAD_GATEWAY,
    /** HTTP 503 {@code unavailable: ...}; the request is not applied. */
    UNAVAILABLE,
    /** The connection is reset before the request is applied: the client hears nothing. */
    RESET_BEFORE,
    /**
     * The request <em>is applied</em>, then the connection is reset before the answer: the client
     * never hears that its create (or delete) worked.
     */
    RESET_AFTER,
    /** The answer comes, but only after 1 to 3 seconds more. */
    SLOW
}

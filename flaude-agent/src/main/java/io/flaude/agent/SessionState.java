package io.flaude.agent;

import java.util.Arrays;

/**
 * Where a session is in its life, as the {@link SessionStore} records it. A state written by a newer
 * version of flaude reads as {@link #UNKNOWN}; {@link Session#stateAsString()} keeps it.
 */
public enum SessionState {
    /** Volume, machine or first turn still being made. */
    CREATING("creating"),
    /** Between turns: the machine is stopped. */
    IDLE("idle"),
    /** A turn is running. */
    RUNNING("running"),
    /** Creation or teardown failed; the reaper destroys it after the grace period. */
    FAILED("failed"),
    /** A state this version does not know. */
    UNKNOWN(null);

    private final String wire;

    SessionState(String wire) {
        this.wire = wire;
    }

    /** The state as the store writes it; {@code null} for {@link #UNKNOWN}. */
    public String wire() {
        return wire;
    }

    /** The state the stored string names, or {@link #UNKNOWN}. */
    public static SessionState fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire != null && s.wire.equalsIgnoreCase(value))
                .findFirst()
                .orElse(UNKNOWN);
    }
}

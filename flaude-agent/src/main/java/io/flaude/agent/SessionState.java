package io.flaude.agent;

import java.util.Arrays;

/**
 * Where a session is in its life, as the {@link SessionStore} records it. A state written by a newer
 * version of flaude reads as {@link #UNKNOWN}; {@link Session#stateAsString()} keeps it.
 */
public enum SessionState {
    /**
     * Volume, machine or first turn still being made. Recovery: while the creating process marks it (the
     * record's {@link Session#heldUntil()}, the machine's lease) nothing; after, the reaper rolls it back.
     */
    CREATING("creating"),
    /** Between turns: the machine is stopped. Recovery: the reaper destroys it once expired or its machine gone. */
    IDLE("idle"),
    /**
     * A turn is running. Recovery: while the turn's lease lives, nothing; after (its process died), the reaper
     * sets it idle once the machine has stopped, or destroys it when the machine is gone.
     */
    RUNNING("running"),
    /**
     * Being destroyed: nothing will use it again. Recovery: a later destroy or the reaper finishes the
     * teardown.
     */
    DESTROYING("destroying"),
    /** A teardown or a turn's machine failed and left something on Fly. Recovery: the reaper destroys it. */
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

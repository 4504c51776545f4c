package io.flaude.fly;

import java.util.Arrays;

/**
 * The states Fly documents for a machine. A state this version does not know is {@link #UNKNOWN},
 * and {@link Machine#stateAsString()} keeps what Fly sent.
 */
public enum MachineState {
    CREATED("created"),
    STARTING("starting"),
    STARTED("started"),
    STOPPING("stopping"),
    STOPPED("stopped"),
    SUSPENDING("suspending"),
    SUSPENDED("suspended"),
    /** Being replaced by a new version after an update. */
    REPLACING("replacing"),
    /** An old version, asked for by id. */
    REPLACED("replaced"),
    DESTROYING("destroying"),
    DESTROYED("destroyed"),
    FAILED("failed"),
    LAUNCH_FAILED("launch_failed"),
    /** A state this version of the library does not know (or none was sent). */
    UNKNOWN(null);

    private final String wire;

    MachineState(String wire) {
        this.wire = wire;
    }

    /** The state as Fly spells it; {@code null} for {@link #UNKNOWN}. */
    public String wire() {
        return wire;
    }

    /** The state Fly's string names; {@link #UNKNOWN} for anything else, {@code null} included. */
    public static MachineState fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire != null && s.wire.equalsIgnoreCase(value))
                .findFirst()
                .orElse(UNKNOWN);
    }

    /** The machine will not run again. */
    public boolean isGone() {
        return this == DESTROYING || this == DESTROYED;
    }

    /** One of the states Fly's {@code /wait} long-poll can wait for. */
    public boolean waitable() {
        return this == STARTED || this == STOPPED || this == SUSPENDED || this == DESTROYED || this == FAILED;
    }
}

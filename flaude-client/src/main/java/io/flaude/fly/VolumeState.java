package io.flaude.fly;

import java.util.Arrays;

/**
 * The states Fly documents for a volume. Fly adds states without notice: a state this version does
 * not know is {@link #UNKNOWN}, and {@link Volume#stateAsString()} keeps what Fly sent.
 */
public enum VolumeState {
    CREATING("creating"),
    CREATED("created"),
    EXTENDING("extending"),
    RESTORING("restoring"),
    ENABLING_REMOTE_EXPORT("enabling_remote_export"),
    /** Being forked; already mountable. */
    HYDRATING("hydrating"),
    RECOVERING("recovering"),
    SCHEDULING_DESTROY("scheduling_destroy"),
    FORK_CLEANUP("fork_cleanup"),
    WAITING_FOR_DETACH("waiting_for_detach"),
    PENDING_DESTROY("pending_destroy"),
    DESTROYING("destroying"),
    DESTROYED("destroyed"),
    /** A state this version of the library does not know (or none was sent). */
    UNKNOWN(null);

    private final String wire;

    VolumeState(String wire) {
        this.wire = wire;
    }

    /** The state as Fly spells it; {@code null} for {@link #UNKNOWN}. */
    public String wire() {
        return wire;
    }

    /** The state Fly's string names; {@link #UNKNOWN} for anything else, {@code null} included. */
    public static VolumeState fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire != null && s.wire.equalsIgnoreCase(value))
                .findFirst()
                .orElse(UNKNOWN);
    }

    /** Destroyed, or on its way there; such volumes are still listed for a while. */
    public boolean isGone() {
        return switch (this) {
            case SCHEDULING_DESTROY, FORK_CLEANUP, WAITING_FOR_DETACH, PENDING_DESTROY, DESTROYING, DESTROYED -> true;
            default -> false;
        };
    }

    /** A machine can mount the volume: {@code created}, and {@code hydrating} (a fork). */
    public boolean isUsable() {
        return this == CREATED || this == HYDRATING;
    }
}

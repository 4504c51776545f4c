package io.flaude.fly;

import java.util.Optional;

/**
 * A volume cannot be destroyed because a machine still holds it (HTTP 412
 * {@code failed_precondition: volume is currently bound to machine: <id>}). Fly keeps the binding for
 * up to about a minute after the machine is destroyed; {@code Volumes.destroy} can wait it out.
 */
public class FlyVolumeBoundException extends FlyConflictException {
    private final String machineId;

    public FlyVolumeBoundException(FlyError error, String machineId, Throwable cause) {
        super(error, cause);
        this.machineId = machineId;
    }

    /** The machine that holds the volume, when Fly named it. */
    public Optional<String> machineId() {
        return Optional.ofNullable(machineId);
    }

    /** The binding clears once the machine is gone, so a later try may succeed. */
    @Override
    public boolean retryable() {
        return true;
    }
}

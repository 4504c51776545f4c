package io.flaude.fly;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Fly machine as the API described it: {@link #state()} typed, {@link #stateAsString()} as
 * Fly sent it. {@code instanceId} is the
 * machine's current version: it changes with every update, which is how a wait is pinned to one run.
 * Events are newest first.
 */
public record Machine(
        String id,
        String name,
        String stateAsString,
        String region,
        String instanceId,
        String privateIp,
        Instant createdAt,
        Instant updatedAt,
        MachineConfig config,
        List<MachineEvent> events,
        String appName) {

    public Machine {
        stateAsString = stateAsString == null ? "unknown" : stateAsString;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The state; {@link MachineState#UNKNOWN} for one this version does not know ({@link #stateAsString()} has it). */
    public MachineState state() {
        return MachineState.fromWire(stateAsString);
    }

    /** True when the machine is destroyed or being destroyed: it will not run again. */
    public boolean isGone() {
        return state().isGone();
    }

    /** The exit code of the newest exit event, if any. */
    public Optional<Integer> lastExitCode() {
        return events.stream()
                .filter(e -> e.exitCode() != null)
                .map(MachineEvent::exitCode)
                .findFirst();
    }

    /** The value of one metadata key, if set. */
    public Optional<String> metadata(String key) {
        return config == null
                ? Optional.empty()
                : Optional.ofNullable(config.metadata().get(key));
    }
}

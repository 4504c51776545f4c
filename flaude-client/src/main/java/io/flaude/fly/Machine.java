package io.flaude.fly;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Fly machine as the API described it. Unknown states are kept as sent. {@code instanceId} is the
 * machine's current version: it changes with every update, which is how a wait is pinned to one run.
 * Events are newest first.
 */
public record Machine(String id, String name, String state, String region, String instanceId,
                      String privateIp, Instant createdAt, Instant updatedAt, MachineConfig config,
                      List<MachineEvent> events, String appName) {

    /** States after which the machine will not run again. */
    public static final Set<String> GONE_STATES = Set.of("destroying", "destroyed");

    public Machine {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public boolean isGone() {
        return GONE_STATES.contains(state);
    }

    /** The exit code of the newest exit event, if any. */
    public Optional<Integer> lastExitCode() {
        return events.stream().filter(e -> e.exitCode() != null).map(MachineEvent::exitCode).findFirst();
    }

    /** The value of one metadata key, if set. */
    public Optional<String> metadata(String key) {
        return config == null ? Optional.empty() : Optional.ofNullable(config.metadata().get(key));
    }
}

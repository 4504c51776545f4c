package io.flaude.agent;

import io.flaude.fly.Machine;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a one-shot run is watched.
 *
 * @param timeout   how long the run may take before it is stopped and destroyed
 * @param onLine    called with each log line as it arrives, on another thread
 * @param onCreated called once with the machine as soon as it is created (its id, to name it in a message)
 */
public record RunOptions(Duration timeout, Consumer<String> onLine, Consumer<Machine> onCreated) {
    /** 30 minutes, no live output. */
    public static final RunOptions DEFAULTS = new RunOptions(Duration.ofMinutes(30), line -> {}, machine -> {});

    public RunOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onLine, "onLine");
        Objects.requireNonNull(onCreated, "onCreated");
    }

    public RunOptions withTimeout(Duration newTimeout) {
        return new RunOptions(newTimeout, onLine, onCreated);
    }

    public RunOptions withOnLine(Consumer<String> newOnLine) {
        return new RunOptions(timeout, newOnLine, onCreated);
    }

    public RunOptions withOnCreated(Consumer<Machine> newOnCreated) {
        return new RunOptions(timeout, onLine, newOnCreated);
    }
}

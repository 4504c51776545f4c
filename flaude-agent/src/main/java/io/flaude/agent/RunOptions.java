package io.flaude.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a one-shot run is watched.
 *
 * @param timeout how long the run may take before it is stopped and destroyed
 * @param onLine  called with each log line as it arrives, on another thread
 */
public record RunOptions(Duration timeout, Consumer<String> onLine) {
    /** 30 minutes, no live output. */
    public static final RunOptions DEFAULTS = new RunOptions(Duration.ofMinutes(30), line -> { });

    public RunOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onLine, "onLine");
    }

    public RunOptions withTimeout(Duration newTimeout) {
        return new RunOptions(newTimeout, onLine);
    }

    public RunOptions withOnLine(Consumer<String> newOnLine) {
        return new RunOptions(timeout, newOnLine);
    }
}

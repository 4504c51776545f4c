package io.flaude.agent;

import io.flaude.fly.FlyValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One turn of a session: the prompt, env for this turn only, how long it may run, and where its log
 * lines go. Start from {@link #prompt(String)}.
 *
 * @param env     variables set for this turn only: they are gone again at the next turn. They may not
 *                name a variable the session already has (its tokens, repos and flaude's own).
 * @param timeout how long the turn may run before its machine is stopped
 * @param onLine  called with each log line as it arrives, on another thread
 */
public record TurnOptions(String prompt, Map<String, String> env, Duration timeout, Consumer<String> onLine) {
    /** How long a turn may run unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public TurnOptions {
        if (prompt == null || prompt.isBlank()) {
            throw new FlyValidationException("a prompt is required");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        env.keySet().forEach(AgentConfig::requireEnvName);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onLine, "onLine");
        if (!timeout.isPositive()) {
            throw new FlyValidationException("a turn's timeout must be positive, got " + timeout.toSeconds() + " s");
        }
    }

    /** A turn with this prompt, no extra env, the default timeout and no live output. */
    public static TurnOptions prompt(String prompt) {
        return new TurnOptions(prompt, Map.of(), DEFAULT_TIMEOUT, line -> { });
    }

    public TurnOptions withEnv(Map<String, String> newEnv) {
        return new TurnOptions(prompt, newEnv, timeout, onLine);
    }

    public TurnOptions withTimeout(Duration newTimeout) {
        return new TurnOptions(prompt, env, newTimeout, onLine);
    }

    public TurnOptions withOnLine(Consumer<String> newOnLine) {
        return new TurnOptions(prompt, env, timeout, newOnLine);
    }
}

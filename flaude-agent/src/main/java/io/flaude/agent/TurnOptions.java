package io.flaude.agent;

import io.flaude.agent.internal.ImageContract;
import io.flaude.fly.FlyValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One turn of a session: the prompt, env for this turn only, how long it may run, and where its log
 * lines go. Start from {@link #prompt(String)}.
 *
 * @param env     variables set for this turn only: they are gone again at the next turn. They may not
 *                name a variable the session already has (its tokens, repos and flaude's own).
 * @param timeout how long the turn may run before its machine is stopped
 * @param onLine  called with each log line as it arrives, on another thread
 * @param claudeToken the Claude token for this turn and the next ones, or {@code null} to keep the session's;
 *                a token that differs from the session's is set as its secret before the turn starts
 * @param githubToken the same for the GitHub token
 */
public record TurnOptions(
        String prompt,
        Map<String, String> env,
        Duration timeout,
        Consumer<String> onLine,
        String claudeToken,
        String githubToken) {
    /** Names a turn's env may not set: the tokens travel as secrets ({@link #withTokens(String, String)}). */
    static final Set<String> TOKEN_ENV = Set.of(
            ImageContract.CLAUDE_TOKEN,
            ImageContract.GITHUB_TOKEN,
            ImageContract.CLAUDE_TOKEN_FILE,
            ImageContract.GITHUB_TOKEN_FILE);

    /** How long a turn may run unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public TurnOptions {
        if (prompt == null || prompt.isBlank()) {
            throw new FlyValidationException("a prompt is required");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        env.keySet().forEach(AgentConfig::requireEnvName);
        Set<String> tokens = new TreeSet<>(env.keySet());
        tokens.retainAll(TOKEN_ENV);
        if (!tokens.isEmpty()) {
            throw new FlyValidationException("per-turn env may not set " + tokens
                    + ": tokens are the session's secrets; pass a new one with withTokens(claude, github)");
        }
        if (claudeToken != null && claudeToken.isBlank() || githubToken != null && githubToken.isBlank()) {
            throw new FlyValidationException("a turn's token may not be blank (null keeps the session's)");
        }
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onLine, "onLine");
        if (!timeout.isPositive()) {
            throw new FlyValidationException("a turn's timeout must be positive, got " + timeout.toSeconds() + " s");
        }
    }

    /** A turn with this prompt, no extra env, the default timeout and no live output. */
    public static TurnOptions prompt(String prompt) {
        return new TurnOptions(prompt, Map.of(), DEFAULT_TIMEOUT, line -> {}, null, null);
    }

    public TurnOptions withEnv(Map<String, String> newEnv) {
        return new TurnOptions(prompt, newEnv, timeout, onLine, claudeToken, githubToken);
    }

    public TurnOptions withTimeout(Duration newTimeout) {
        return new TurnOptions(prompt, env, newTimeout, onLine, claudeToken, githubToken);
    }

    public TurnOptions withOnLine(Consumer<String> newOnLine) {
        return new TurnOptions(prompt, env, timeout, newOnLine, claudeToken, githubToken);
    }

    /**
     * The tokens from this turn on ({@code null}: keep the session's). A token equal to the session's
     * costs no request; a new one is set as the session's secret before the turn starts, so a rotated
     * token is never silently ignored.
     */
    public TurnOptions withTokens(String newClaudeToken, String newGithubToken) {
        return new TurnOptions(prompt, env, timeout, onLine, newClaudeToken, newGithubToken);
    }

    @Override
    public String toString() {
        return "TurnOptions[prompt=" + prompt + ", env=" + env.keySet() + " (values hidden), timeout=" + timeout
                + ", claudeToken=" + (claudeToken == null ? "unchanged" : "<hidden>")
                + ", githubToken=" + (githubToken == null ? "unchanged" : "<hidden>") + "]";
    }
}

package io.flaude.agent;

import io.flaude.fly.FlyException;
import java.util.Optional;

/**
 * One run of a batch: its place in the batch, and either its result (it ran, well or not) or the
 * error that stopped it before it ran to the end (it never started when the batch was cancelled).
 *
 * @param index  the run's place in the batch, from 0
 * @param prompt the run's prompt, to tell runs apart (never the tokens)
 * @param result how the run ended; {@code null} when it did not end by itself
 * @param error  what stopped it; {@code null} when it ended by itself (see {@code result}). Usually a
 *               {@link FlyException}; anything else is a bug, kept as it was raised
 */
public record BatchItem(int index, String prompt, RunResult result, RuntimeException error) {
    /** Whether the run ended by itself and succeeded. */
    public boolean succeeded() {
        return result != null && result.succeeded();
    }

    public Optional<RunResult> resultIfEnded() {
        return Optional.ofNullable(result);
    }
}

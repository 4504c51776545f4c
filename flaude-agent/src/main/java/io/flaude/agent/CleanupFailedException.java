package io.flaude.agent;

import io.flaude.fly.FlyException;
import java.util.Arrays;
import java.util.List;

/**
 * A teardown step that failed while a failed run, turn or create cleaned up after itself: something made
 * may be left (the reaper reclaims it). Never raised alone: each is attached to the failure being raised
 * as a suppressed exception, and {@link #on(Throwable)} reads them back, typed.
 */
public final class CleanupFailedException extends FlaudeException {
    public CleanupFailedException(FlyException failure) {
        super("cleanup failed: " + failure.getMessage(), failure);
    }

    /** What Fly (or the client) said when the step failed. */
    public FlyException failure() {
        return (FlyException) getCause();
    }

    /** The cleanup failures attached to {@code raised}, in the order they happened; empty when all went. */
    public static List<CleanupFailedException> on(Throwable raised) {
        return Arrays.stream(raised.getSuppressed())
                .filter(CleanupFailedException.class::isInstance)
                .map(CleanupFailedException.class::cast)
                .toList();
    }
}

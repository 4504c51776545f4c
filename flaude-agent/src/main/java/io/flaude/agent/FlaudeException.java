package io.flaude.agent;

import io.flaude.fly.FlyException;

/**
 * The third branch under {@link FlyException}, beside Fly's answers ({@code FlyApiException}) and the
 * client's own failures ({@code FlyClientException}): a run, turn or session did not do what was asked
 * although every call went through. Claude exited non-zero ({@link RunFailedException}), a session is
 * busy, unknown or lost its machine, the session store failed, or something made could not be removed
 * ({@link CleanupFailedException}). Catch {@code FlyClientException} for transport trouble without
 * catching these.
 */
public abstract class FlaudeException extends FlyException {
    protected FlaudeException(String message, Throwable cause) {
        super(message, cause);
    }
}

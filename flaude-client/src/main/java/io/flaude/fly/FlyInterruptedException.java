package io.flaude.fly;

/**
 * The calling thread was interrupted while it waited for an answer, a retry or a poll. The interrupt
 * flag is set again before this is raised; the call is not retried.
 */
public class FlyInterruptedException extends FlyClientException {
    public FlyInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}

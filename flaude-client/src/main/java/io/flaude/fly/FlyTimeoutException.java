package io.flaude.fly;

/**
 * A wait ran out of time before the resource reached the wanted state. The message names what was
 * awaited and the last state seen, which {@link #lastState()} also returns.
 */
public class FlyTimeoutException extends FlyException {
    private final String lastState;

    public FlyTimeoutException(String message, String lastState) {
        super(message);
        this.lastState = lastState;
    }

    /** The last state observed before the deadline, or {@code null} if none was observed. */
    public String lastState() {
        return lastState;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}

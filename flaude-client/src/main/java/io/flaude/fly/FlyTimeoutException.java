package io.flaude.fly;

import java.util.Optional;

/**
 * A wait ran out of time before the resource reached the wanted state. It carries the resource as
 * last read ({@link Volume} or {@link Machine}) and how many reads or long-polls were made; the
 * message names what was awaited and the last state seen.
 */
public class FlyTimeoutException extends FlyClientException {
    private final Object lastSeen;
    private final int attempts;

    public FlyTimeoutException(String message, Object lastSeen, int attempts) {
        super(message);
        this.lastSeen = lastSeen;
        this.attempts = attempts;
    }

    /** The resource as last read before the deadline, if it was read and is of {@code type}. */
    public <T> Optional<T> lastSeen(Class<T> type) {
        return type.isInstance(lastSeen) ? Optional.of(type.cast(lastSeen)) : Optional.empty();
    }

    /** How many reads (or {@code /wait} long-polls) the wait made. */
    public int attempts() {
        return attempts;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}

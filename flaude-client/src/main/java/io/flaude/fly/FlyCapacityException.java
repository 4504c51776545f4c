package io.flaude.fly;

/**
 * Fly has no room for the request (status {@code insufficient_capacity} or {@code volume_placement_capacity}): retry
 * later or in another region.
 */
public class FlyCapacityException extends FlyApiException {
    public FlyCapacityException(FlyError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}

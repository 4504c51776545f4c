package io.flaude.fly;

/**
 * The request conflicts with the resource's current state (HTTP 409 or 412): a stale version, a held lease, a failed
 * precondition.
 */
public class FlyConflictException extends FlyApiException {
    public FlyConflictException(FlyError error, Throwable cause) {
        super(error, cause);
    }
}

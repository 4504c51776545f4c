package io.flaude.fly;

/**
 * A failure Fly did not answer with: found by this library, or on the way to Fly and back. The
 * message is the whole story; subclasses add what they know (the request, the last resource seen).
 */
public class FlyClientException extends FlyException {

    public FlyClientException(String message, Throwable cause) {
        super(message, cause);
    }

    public FlyClientException(String message) {
        super(message, null);
    }
}

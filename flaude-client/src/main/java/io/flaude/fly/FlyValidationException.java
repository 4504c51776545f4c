package io.flaude.fly;

/**
 * Input refused before any request was sent: a bad app or volume name, region, size or retention, or
 * a client that cannot be configured (no token). The message says what is wrong and what is allowed.
 */
public class FlyValidationException extends FlyClientException {
    public FlyValidationException(String message) {
        super(message);
    }
}

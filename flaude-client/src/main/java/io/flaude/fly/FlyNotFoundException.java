package io.flaude.fly;

/** The resource does not exist (HTTP 404). */
public class FlyNotFoundException extends FlyApiException {
    public FlyNotFoundException(FlyError error, Throwable cause) {
        super(error, cause);
    }
}

package io.flaude.fly;

/** Fly failed to answer the request (HTTP 5xx). */
public class FlyServerException extends FlyApiException {
    public FlyServerException(FlyError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}

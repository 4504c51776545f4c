package io.flaude.fly;

/** Fly failed to answer the request (HTTP 5xx). */
public class FlyServerException extends FlyApiException {
    public FlyServerException(FlyError error, Throwable cause) {
        super(error, cause);
    }

    /** 500, 502, 503 and 504 pass; a 501 (not implemented) or 505 will answer the same again. */
    @Override
    public boolean retryable() {
        return statusCode() != 501 && statusCode() != 505;
    }
}

package io.flaude.fly;

import java.util.Optional;

/**
 * Fly answered the request with an error status. The message reads
 * {@code Fly API error <status> <METHOD> <url>: <detail>}; a status without a more specific leaf
 * (400, 422, ...) is raised as this class itself.
 */
public class FlyApiException extends FlyException {
    private final FlyError error;

    public FlyApiException(FlyError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    /** The HTTP status Fly answered with. */
    public int statusCode() {
        return error.statusCode();
    }

    /** Fly's message: its {@code message} or {@code error} field, else the raw body. */
    public String detail() {
        return error.detail();
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return error.method();
    }

    /** The URL of the failed request. */
    public String url() {
        return error.url();
    }

    /** Fly's error status code from the body (e.g. {@code name_taken}), when it sent one. */
    public Optional<String> flyStatus() {
        return Optional.ofNullable(error.flyStatus());
    }

    /** The {@code fly-request-id} response header, to quote to Fly support, when the API sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(error.requestId());
    }

    /** A 408: Fly gave up waiting; the same call may succeed. */
    @Override
    public boolean retryable() {
        return statusCode() == 408;
    }

    /** A 408 or 5xx: Fly may have applied the call before it failed to answer. */
    @Override
    public boolean outcomeUnknown() {
        return statusCode() == 408 || statusCode() >= 500;
    }

    /** Everything known about the failed call, as a value. */
    public FlyError error() {
        return error;
    }
}

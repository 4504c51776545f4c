package io.flaude.fly;

import java.util.Optional;

/**
 * The one unchecked root of every error this library raises.
 *
 * <p>An error about a request carries the HTTP status, Fly's own message ({@link #detail()}), the
 * method and URL, Fly's error status code when the body had one (for example
 * {@code insufficient_capacity}) and the {@code fly-request-id} header; its message reads
 * {@code Fly API error <status> <METHOD> <url>: <detail>}. Status 0 means no usable HTTP answer: an
 * invalid response body ({@link FlyInvalidResponseException}) or a transport failure
 * ({@link FlyTransportException}). Input refused before any request is a
 * {@link FlyValidationException}, whose message is only the reason. The typed subclasses let callers
 * catch what they can handle; {@link #retryable()} says whether the same call may succeed later.
 * Tokens never appear in any message.
 */
public class FlyException extends RuntimeException {
    private final FlyError error;

    /** An error about a request. */
    public FlyException(FlyError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    /** An error that is not about any request: the message is the whole story. */
    protected FlyException(String message) {
        super(message);
        this.error = new FlyError(0, message, null, null, null, null);
    }

    /** The HTTP status code, or 0 when there was no usable HTTP answer or no request. */
    public int statusCode() {
        return error.statusCode();
    }

    /** Fly's message (its {@code message} or {@code error} field, else the raw body), or our own. */
    public String detail() {
        return error.detail();
    }

    /** The HTTP method of the failed request, or {@code null} when no request was made. */
    public String method() {
        return error.method();
    }

    /** The URL of the failed request, or {@code null} when no request was made. */
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

    /** Everything known about the failed call, as a value. */
    public FlyError error() {
        return error;
    }

    /** Whether repeating the same call later may succeed (rate limits, capacity, 5xx, transport failures). */
    public boolean retryable() {
        return false;
    }
}

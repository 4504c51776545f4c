package io.flaude.fly;

/**
 * No HTTP answer at all: the connection was refused, reset or timed out, or the host could not be
 * resolved. The request may or may not have taken effect.
 */
public class FlyTransportException extends FlyClientException {
    private final String method;
    private final String url;
    private final boolean retryable;

    public FlyTransportException(String method, String url, String detail, Throwable cause) {
        this(method, url, detail, cause, true);
    }

    /** @param retryable false for a failure a later try cannot fix (a host name that does not resolve) */
    public FlyTransportException(String method, String url, String detail, Throwable cause, boolean retryable) {
        super("Fly API request failed " + method + " " + url + ": " + detail, cause);
        this.method = method;
        this.url = url;
        this.retryable = retryable;
    }

    /** The HTTP method of the request that got no answer. */
    public String method() {
        return method;
    }

    /** The URL of the request that got no answer. */
    public String url() {
        return url;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }

    /** The request may have reached Fly before the connection failed, unless nothing could be sent at all. */
    @Override
    public boolean outcomeUnknown() {
        return retryable;
    }
}

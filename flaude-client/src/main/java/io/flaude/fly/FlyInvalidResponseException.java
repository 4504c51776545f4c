package io.flaude.fly;

import java.util.Optional;

/** Fly answered 2xx, but the body is empty or not what the endpoint returns; never a silent default. */
public class FlyInvalidResponseException extends FlyClientException {
    private final int statusCode;
    private final String method;
    private final String url;
    private final String requestId;

    public FlyInvalidResponseException(int statusCode, String method, String url, String requestId, String detail) {
        super("Invalid Fly API answer " + statusCode + " " + method + " " + url + ": " + detail, null);
        this.statusCode = statusCode;
        this.method = method;
        this.url = url;
        this.requestId = requestId;
    }

    /** The (successful) status of the answer whose body was wrong. */
    public int statusCode() {
        return statusCode;
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    /** The {@code fly-request-id} of the answer, when sent. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}

package io.flaude.fly;

/**
 * What Fly answered to one failed call: the HTTP status, Fly's message, the request's method and URL,
 * Fly's error status code from the body (for example {@code insufficient_capacity}; may be
 * {@code null}) and the {@code fly-request-id} header (may be {@code null}).
 */
public record FlyError(int statusCode, String detail, String method, String url, String flyStatus, String requestId) {
    public FlyError {
        detail = detail == null ? "" : detail;
    }

    /** Reads {@code Fly API error <status> <METHOD> <url>: <detail>}. */
    public String message() {
        return "Fly API error " + statusCode + " " + method + " " + url + ": " + detail;
    }
}

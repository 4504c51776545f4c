package io.flaude.fly.internal;

import io.flaude.fly.FlyApiException;
import io.flaude.fly.FlyCapacityException;
import io.flaude.fly.FlyConflictException;
import io.flaude.fly.FlyError;
import io.flaude.fly.FlyNotFoundException;
import io.flaude.fly.FlyRateLimitedException;
import io.flaude.fly.FlyServerException;
import io.flaude.fly.FlyUnauthorizedException;
import io.flaude.fly.FlyVolumeBoundException;
import io.flaude.fly.Redactor;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Maps a non-2xx answer to the typed exception a caller can catch. Fly's body is
 * {@code {"error", "status"?, "message"?}}: {@code message} wins over {@code error} (as in Fly's Go
 * client), a body that is not JSON is kept raw, and every secret the client knows is cut out of anything echoed. Not
 * API.
 */
final class ErrorDecoder {
    private static final Set<String> CAPACITY_STATUSES = Set.of("insufficient_capacity", "volume_placement_capacity");
    private static final Pattern CAPACITY_TEXT =
            Pattern.compile("insufficient (resources|memory|capacity)|no capacity", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUND = Pattern.compile("volume is currently bound to machine:?\\s*([A-Za-z0-9_]+)?");
    private static final int MAX_DETAIL = 2000;

    private final Redactor redactor;

    ErrorDecoder(Redactor redactor) {
        this.redactor = redactor;
    }

    FlyApiException decode(FlyResponse response) {
        int status = response.status();
        JsonNode body = Json.parseOrNull(response.body());
        String flyStatus = null;
        String detail = null;
        if (body != null && body.isObject()) {
            detail = Json.string(body, "message", null);
            if (detail == null || detail.isBlank()) {
                detail = Json.string(body, "error", null);
            }
            flyStatus = Json.string(body, "status", null);
        }
        if (detail == null || detail.isBlank()) {
            String raw = response.body() == null ? "" : response.body().strip();
            detail = raw.isEmpty() ? "HTTP " + status + " with an empty body" : raw;
        }
        FlyError error = new FlyError(
                status, redact(detail), response.method(), response.url(), flyStatus, response.requestId());
        return classify(error, detail, response);
    }

    /** Classifies on what the server said ({@code detail}), never on the redacted text of {@code e}. */
    private static FlyApiException classify(FlyError e, String detail, FlyResponse response) {
        int status = e.statusCode();
        String lower = detail.toLowerCase(Locale.ROOT);
        if ((e.flyStatus() != null && CAPACITY_STATUSES.contains(e.flyStatus()))
                || CAPACITY_TEXT.matcher(detail).find()) {
            return new FlyCapacityException(e, null);
        }
        if (status == 429 || lower.contains("rate limit")) {
            return new FlyRateLimitedException(e, retryAfter(response), null);
        }
        if (status == 401 || status == 403) {
            return new FlyUnauthorizedException(e, null);
        }
        if (status == 404) {
            return new FlyNotFoundException(e, null);
        }
        if (status == 409 || status == 412) {
            Matcher bound = BOUND.matcher(detail);
            return bound.find()
                    ? new FlyVolumeBoundException(e, bound.group(1), null)
                    : new FlyConflictException(e, null);
        }
        if (status >= 500) {
            return new FlyServerException(e, null);
        }
        return new FlyApiException(e, null);
    }

    private static Duration retryAfter(FlyResponse response) {
        String value = response.header("retry-after");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Cuts every secret out of text the server echoed, and keeps the text a readable length. */
    String redact(String text) {
        String t = redactor.redact(text);
        return t.length() > MAX_DETAIL ? t.substring(0, MAX_DETAIL) + "..." : t;
    }
}

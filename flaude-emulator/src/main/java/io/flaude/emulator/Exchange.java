package io.flaude.emulator;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One request the emulator received and what it answered, as recorded in its {@link Journal}.
 * Header names are lower case, and looked up in any case ({@code requestHeaders().get("Content-Type")}
 * finds {@code content-type}); the {@code authorization} header's values read {@code <redacted>},
 * so a journal can be printed or logged without leaking the token.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the raw request path, e.g. {@code /v1/apps/my-app/volumes}
 * @param query the raw query string without {@code ?}, or null when there was none
 * @param requestHeaders the request headers, lower-case names
 * @param requestBody the request body as UTF-8 text, {@code ""} when there was none
 * @param status the response status, or 0 when the connection was dropped (see {@link Fault#drop()})
 * @param responseBody the response body, {@code ""} when there was none
 * @param responseHeaders the response headers, lower-case names
 * @param operation the spec operationId the request addressed, e.g. {@code Volumes_create}, even when it was
 *     refused (401) or faulted; null when no route matched (404, 405)
 */
public record Exchange(
        String method,
        String path,
        String query,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        String responseBody,
        Map<String, List<String>> responseHeaders,
        String operation) {
    /** Checks the required components and copies the header maps, which are then unmodifiable. */
    public Exchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(requestBody, "requestBody");
        Objects.requireNonNull(responseBody, "responseBody");
        requestHeaders = copyOf(requestHeaders);
        responseHeaders = copyOf(responseHeaders);
    }

    private static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
        var copy = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(
                name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> Stream.concat(a.stream(), b.stream())
                        .toList()));
        return Collections.unmodifiableMap(copy);
    }
}

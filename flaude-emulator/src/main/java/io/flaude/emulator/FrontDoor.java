package io.flaude.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.flaude.emulator.internal.ApiResponse;
import io.flaude.emulator.internal.Call;
import io.flaude.emulator.internal.FlyApi;
import io.flaude.emulator.internal.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP side of every request: scripted faults first, then authentication, then the API; every
 * answer gets a {@code fly-request-id} and is journaled before it is written.
 */
final class FrontDoor implements HttpHandler {
    private static final String UNAUTHORIZED = "Authenticate: token validation error";
    private static final String REDACTED = "<redacted>";

    private final FlyApi api;
    private final TokenCheck tokens;
    private final Journal journal;
    private final Faults faults;

    FrontDoor(FlyApi api, TokenCheck tokens, Journal journal, Faults faults) {
        this.api = api;
        this.tokens = tokens;
        this.journal = journal;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange http) {
        // Closing an exchange before any response was sent closes the connection: that is a drop.
        try (http) {
            serve(http);
        } catch (IOException e) {
            // The client went away; nothing left to answer.
        }
    }

    private void serve(HttpExchange http) throws IOException {
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getRawPath();
        String query = http.getRequestURI().getRawQuery();
        String requestBody = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = api.route(method, path);
        Fault fault = faults.next(method, path);
        if (fault != null && !pause(fault.delay())) {
            return;
        }
        Map<String, List<String>> requestHeaders = requestHeaders(http);
        if (fault != null && fault.dropConnection()) {
            journal.record(new Exchange(method, path, query, requestHeaders, requestBody, 0, "", Map.of(),
                    call.operation()));
            return;
        }
        ApiResponse response = fault != null && fault.status() != 0
                ? ApiResponse.json(fault.status(), fault.body())
                : authorizedAnswer(http, call, query, requestBody, requestHeaders);
        var headers = new LinkedHashMap<String, String>();
        headers.put("fly-request-id", Ids.requestId());
        if (response.body() != null) {
            headers.put("content-type", "application/json");
        }
        headers.putAll(response.headers());
        String responseBody = response.body() == null ? "" : response.body();
        var journaled = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, value) -> journaled.put(name, List.of(value)));
        journal.record(new Exchange(method, path, query, requestHeaders, requestBody, response.status(),
                responseBody, journaled, call.operation()));
        headers.forEach(http.getResponseHeaders()::set);
        byte[] bytes = responseBody.getBytes(StandardCharsets.UTF_8);
        // A length of -1 means no body; 0 would mean a chunked one.
        http.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            http.getResponseBody().write(bytes);
        }
    }

    /** The 401 comes before routing, so an unknown path without a token is a 401 too. */
    private ApiResponse authorizedAnswer(HttpExchange http, Call call, String query, String body,
                                         Map<String, List<String>> headers) {
        if (!tokens.accepts(http.getRequestHeaders().getFirst("Authorization"))) {
            return ApiResponse.error(401, UNAUTHORIZED);
        }
        try {
            return call.serve(query, body, headers);
        } catch (RuntimeException e) {
            return ApiResponse.error(500, "internal: emulator failure: " + e);
        }
    }

    private static Map<String, List<String>> requestHeaders(HttpExchange http) {
        var headers = new LinkedHashMap<String, List<String>>();
        http.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.put(lower, lower.equals("authorization") ? values.stream().map(v -> REDACTED).toList() : values);
        });
        return headers;
    }

    /** Waits; false when interrupted, which means the emulator is closing. */
    private static boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

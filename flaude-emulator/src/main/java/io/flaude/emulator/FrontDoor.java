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
 * The HTTP side of every request: the network's latency, scripted faults, random faults, then
 * authentication, Fly's rate limits, and the API; every answer gets a {@code fly-request-id} and is
 * journaled before it is written. A connection reset is journaled with status 0; when the request
 * was applied before the reset, the answer that was never sent is the journaled body.
 */
final class FrontDoor implements HttpHandler {
    private static final String UNAUTHORIZED = "Authenticate: token validation error";
    private static final String REDACTED = "<redacted>";

    private final FlyApi api;
    private final TokenCheck tokens;
    private final Journal journal;
    private final Faults faults;
    private final Conditions conditions;
    private final ControlApi control;

    FrontDoor(FlyApi api, TokenCheck tokens, Journal journal, Faults faults, Conditions conditions) {
        this.api = api;
        this.tokens = tokens;
        this.journal = journal;
        this.faults = faults;
        this.conditions = conditions;
        this.control = new ControlApi(api, conditions, faults, journal);
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
        if (ControlApi.addresses(path)) {
            ApiResponse answer = control.serve(http, method, path, requestBody);
            write(http, answer, headers(answer));
            return;
        }
        Call call = api.route(method, path);
        Conditions.Decision fate = conditions.decide(call.operation(), call.scope());
        if (!pause(fate.latency())) {
            return;
        }
        Fault fault = faults.next(method, path);
        if (fault != null && !pause(fault.delay())) {
            return;
        }
        Map<String, List<String>> requestHeaders = requestHeaders(http);
        if ((fault != null && fault.dropConnection() && !fault.afterApplying())
                || fate.fault() == FaultKind.RESET_BEFORE) {
            journal.record(
                    new Exchange(method, path, query, requestHeaders, requestBody, 0, "", Map.of(), call.operation()));
            return;
        }
        ApiResponse response;
        if (fault != null && fault.status() != 0) {
            response = ApiResponse.json(fault.status(), fault.body());
        } else if (RandomFaults.answers(fate.fault())) {
            response = RandomFaults.answer(fate.fault(), call.operation(), fate.retryAfter());
        } else {
            response = authorizedAnswer(http, call, query, requestBody, requestHeaders, fate);
        }
        if (fate.fault() == FaultKind.RESET_AFTER || (fault != null && fault.afterApplying())) {
            // Applied, and then the connection goes: the client never hears the answer.
            journal.record(new Exchange(
                    method,
                    path,
                    query,
                    requestHeaders,
                    requestBody,
                    0,
                    response.body() == null ? "" : response.body(),
                    Map.of(),
                    call.operation()));
            return;
        }
        Map<String, String> headers = headers(response);
        var journaled = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, value) -> journaled.put(name, List.of(value)));
        journal.record(new Exchange(
                method,
                path,
                query,
                requestHeaders,
                requestBody,
                response.status(),
                response.body() == null ? "" : response.body(),
                journaled,
                call.operation()));
        write(http, response, headers);
    }

    /** Fly's headers on every answer: a {@code fly-request-id}, and the content type of a body. */
    private static Map<String, String> headers(ApiResponse response) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("fly-request-id", Ids.requestId());
        if (response.body() != null) {
            headers.put("content-type", "application/json");
        }
        headers.putAll(response.headers());
        return headers;
    }

    private static void write(HttpExchange http, ApiResponse response, Map<String, String> headers) throws IOException {
        headers.forEach(http.getResponseHeaders()::set);
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        // A length of -1 means no body; 0 would mean a chunked one.
        http.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            http.getResponseBody().write(bytes);
        }
    }

    /** The 401 comes before routing, so an unknown path without a token is a 401 too. */
    private ApiResponse authorizedAnswer(
            HttpExchange http,
            Call call,
            String query,
            String body,
            Map<String, List<String>> headers,
            Conditions.Decision fate) {
        if (!tokens.accepts(http.getRequestHeaders().getFirst("Authorization"))) {
            return ApiResponse.error(401, UNAUTHORIZED);
        }
        if (fate.rateLimited()) {
            return RandomFaults.answer(FaultKind.RATE_LIMITED, call.operation(), fate.retryAfter());
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
            headers.put(
                    lower,
                    lower.equals("authorization")
                            ? values.stream().map(v -> REDACTED).toList()
                            : values);
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

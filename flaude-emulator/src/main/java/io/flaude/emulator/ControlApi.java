package io.flaude.emulator;

import com.sun.net.httpserver.HttpExchange;
import io.flaude.emulator.internal.ApiResponse;
import io.flaude.emulator.internal.FlyApi;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's own API under {@code /_emulator/}, a path Fly never uses, on the same port: read and
 * change the conditions, script faults, read and clear the journal, list live resources, reset.
 * Loopback callers only; no token. Not journaled, never faulted, never rate-limited. See docs/emulator.md.
 */
final class ControlApi {
    static final String PREFIX = "/_emulator/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FlyApi api;
    private final Conditions conditions;
    private final Faults faults;
    private final Journal journal;

    ControlApi(FlyApi api, Conditions conditions, Faults faults, Journal journal) {
        this.api = api;
        this.conditions = conditions;
        this.faults = faults;
        this.journal = journal;
    }

    static boolean addresses(String path) {
        return path.startsWith(PREFIX);
    }

    /** Only callers on this machine's loopback may change how the emulator behaves. */
    static boolean allowed(InetAddress from) {
        return from != null && from.isLoopbackAddress();
    }

    ApiResponse serve(HttpExchange http, String method, String path, String body) {
        if (!allowed(http.getRemoteAddress().getAddress())) {
            return ApiResponse.error(403, "the /_emulator/ API answers loopback callers only");
        }
        try {
            return route(method, path.substring(PREFIX.length()), body);
        } catch (IllegalArgumentException | JacksonException e) {
            return ApiResponse.error(400, "invalid_argument: " + e.getMessage());
        }
    }

    private ApiResponse route(String method, String what, String body) {
        return switch (method + " " + what) {
            case "GET conditions" -> ok(conditions());
            case "PUT conditions", "PATCH conditions" -> {
                change(parse(body));
                yield ok(conditions());
            }
            case "POST faults" -> {
                script(parse(body));
                yield ApiResponse.json(200, "{\"ok\":true}");
            }
            case "DELETE faults" -> {
                faults.clear();
                yield ApiResponse.json(200, "{\"ok\":true}");
            }
            case "GET journal" -> ok(journal());
            case "DELETE journal" -> {
                journal.clear();
                yield ApiResponse.json(200, "{\"ok\":true}");
            }
            case "GET resources" -> ok(JSON.valueToTree(api.liveResources()));
            case "POST reset" -> {
                api.reset();
                journal.clear();
                faults.clear();
                conditions.reset();
                yield ApiResponse.json(200, "{\"ok\":true}");
            }
            default ->
                ApiResponse.error(
                        404,
                        "not found: the emulator API has conditions, faults, journal, " + "resources and reset under "
                                + PREFIX);
        };
    }

    private ObjectNode conditions() {
        Conditions c = conditions;
        ObjectNode o = JSON.createObjectNode();
        o.put("min_latency_ms", c.minLatency().toMillis());
        o.put("max_latency_ms", c.maxLatency().toMillis());
        o.put("rate_limits", c.rateLimitsEnforced());
        o.put("retry_after_s", c.retryAfter().toSeconds());
        o.put("seed", c.seed());
        ObjectNode rates = o.putObject("fault_rates");
        c.faultRates().forEach((k, v) -> rates.put(wire(k), v));
        ObjectNode injected = o.putObject("injected");
        for (FaultKind k : FaultKind.values()) {
            injected.put(wire(k), c.injected().getOrDefault(k, 0L));
        }
        o.put("refused_by_rate_limits", c.refusedByRateLimits());
        return o;
    }

    /**
     * Applies the fields present: profile, latency_ms or min/max_latency_ms, rate_limits, faults or fault_rates, seed,
     * retry_after_s.
     */
    private void change(JsonNode b) {
        Conditions c = conditions;
        if (b.has("profile")) {
            c.profile(Profile.valueOf(b.path("profile").asString().toUpperCase(Locale.ROOT)));
        }
        if (b.has("latency_ms")) {
            c.latency(Duration.ofMillis(number(b, "latency_ms")));
        }
        if (b.has("min_latency_ms") || b.has("max_latency_ms")) {
            c.latency(
                    Duration.ofMillis(
                            b.has("min_latency_ms")
                                    ? number(b, "min_latency_ms")
                                    : c.minLatency().toMillis()),
                    Duration.ofMillis(
                            b.has("max_latency_ms")
                                    ? number(b, "max_latency_ms")
                                    : c.maxLatency().toMillis()));
        }
        if (b.has("rate_limits")) {
            c.rateLimits(bool(b, "rate_limits"));
        }
        if (b.has("faults")) {
            c.randomFaults(b.path("faults").asDouble());
        }
        if (b.has("fault_rates")) {
            Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
            b.path("fault_rates")
                    .properties()
                    .forEach(e -> rates.put(kind(e.getKey()), e.getValue().asDouble()));
            c.randomFaults(rates);
        }
        if (b.has("seed")) {
            c.seed(number(b, "seed"));
        }
        if (b.has("retry_after_s")) {
            c.retryAfter(Duration.ofSeconds(number(b, "retry_after_s")));
        }
    }

    /** {@code {method, path, faults: [{status, body, drop, delay_ms}]}}, as {@link Faults#script} takes them. */
    private void script(JsonNode b) {
        List<Fault> next = new ArrayList<>();
        for (JsonNode f : b.path("faults")) {
            Fault fault = f.path("drop_after_applying").asBoolean(false)
                    ? Fault.dropAfterApplying()
                    : f.path("drop").asBoolean(false)
                            ? Fault.drop()
                            : f.path("status").asInt(0) != 0
                                    ? Fault.status(f.path("status").asInt(), body(f))
                                    : Fault.delay(Duration.ZERO);
            next.add(fault.after(Duration.ofMillis(f.path("delay_ms").asLong(0))));
        }
        if (!b.path("path").isString() || next.isEmpty()) {
            throw new IllegalArgumentException("a script needs a path and at least one fault");
        }
        faults.script(b.path("method").asString("*"), b.path("path").asString(), next.toArray(Fault[]::new));
    }

    private ArrayNode journal() {
        ArrayNode all = JSON.createArrayNode();
        for (Exchange e : journal.exchanges()) {
            ObjectNode o = all.addObject();
            o.put("method", e.method());
            o.put("path", e.path());
            o.put("query", e.query());
            o.put("operation", e.operation());
            o.put("status", e.status());
            o.put("request_body", e.requestBody());
            o.put("response_body", e.responseBody());
        }
        return all;
    }

    private static String body(JsonNode f) {
        JsonNode b = f.path("body");
        return b.isString() ? b.asString() : b.isMissingNode() || b.isNull() ? "" : b.toString();
    }

    private static JsonNode parse(String body) {
        JsonNode b = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        if (!b.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return b;
    }

    private static long number(JsonNode b, String field) {
        if (!b.path(field).isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return b.path(field).asLong();
    }

    private static boolean bool(JsonNode b, String field) {
        if (!b.path(field).isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return b.path(field).asBoolean();
    }

    private static String wire(FaultKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private static FaultKind kind(String wire) {
        return FaultKind.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    private static ApiResponse ok(JsonNode body) {
        return ApiResponse.json(200, body.toString());
    }
}

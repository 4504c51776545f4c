package io.flaude.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One request as a route handler sees it: decoded path parameters, query parameters (first value
 * wins, unless all are asked for), request headers and the raw body, parsed on demand.
 */
final class ApiRequest {
    private final Map<String, String> params;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final String rawBody;

    ApiRequest(Map<String, String> params, String rawQuery, String rawBody, Map<String, List<String>> headers) {
        this.params = params;
        this.query = parseQuery(rawQuery);
        this.rawBody = rawBody;
        var lower = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
        this.headers = lower;
    }

    String param(String name) {
        return params.get(name);
    }

    /** A query parameter, or null when absent or empty. */
    String query(String name) {
        List<String> values = query.get(name);
        String value = values == null ? null : values.getFirst();
        return value == null || value.isEmpty() ? null : value;
    }

    /** Every non-empty value of a repeated query parameter, in order. */
    List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of()).stream()
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** The names of every query parameter. */
    Set<String> queryNames() {
        return query.keySet();
    }

    /** The first value of a request header (any case), or null when absent or empty. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        String value = values == null || values.isEmpty() ? null : values.getFirst();
        return value == null || value.isEmpty() ? null : value;
    }

    /** The raw body as sent, {@code ""} when there was none. */
    String rawBody() {
        return rawBody;
    }

    /** A boolean query flag: {@code true} and {@code 1} mean true, anything else false. */
    boolean flag(String name) {
        String value = query(name);
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    /** An integer query parameter within {@code [min, max]}, or null when absent; otherwise a 400. */
    Integer intQuery(String name, int min, int max) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.invalid(name + " must be an integer between " + min + " and " + max);
    }

    RequestBody body() {
        return RequestBody.parse(rawBody);
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        var out = new LinkedHashMap<String, List<String>>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("malformed percent-encoding: " + raw);
        }
    }
}

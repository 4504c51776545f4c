package io.flaude.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as a route handler sees it: decoded path parameters, query parameters (first value
 * wins) and the raw body, parsed on demand.
 */
final class ApiRequest {
    private final Map<String, String> params;
    private final Map<String, String> query;
    private final String rawBody;

    ApiRequest(Map<String, String> params, String rawQuery, String rawBody) {
        this.params = params;
        this.query = parseQuery(rawQuery);
        this.rawBody = rawBody;
    }

    String param(String name) {
        return params.get(name);
    }

    /** A query parameter, or null when absent or empty. */
    String query(String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
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

    private static Map<String, String> parseQuery(String raw) {
        var out = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
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

package io.flaude.emulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps a method and path to the spec operation that serves it. Patterns are spec paths such as
 * {@code /v1/apps/{app_name}/volumes}; a {@code {name}} segment matches any one segment.
 */
final class Router {
    /** Serves one operation. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    private record Route(String method, String[] segments, String operation, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String pattern, String operation, Handler handler) {
        routes.add(new Route(method, segments(pattern), operation, handler));
    }

    /** The call for this request: a matched operation, or a 404/405 with no operation. */
    Call route(String method, String rawPath) {
        String[] path = segments(rawPath);
        var allowed = new TreeSet<String>();
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), path);
            if (params == null) {
                continue;
            }
            if (route.method().equalsIgnoreCase(method)) {
                return new Call(route.operation(), route.handler(), params, null);
            }
            allowed.add(route.method());
        }
        ApiResponse refusal = allowed.isEmpty()
                ? ApiResponse.error(404, "not found")
                : ApiResponse.error(405, "method not allowed").withHeader("allow", String.join(", ", allowed));
        return new Call(null, null, Map.of(), refusal);
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        var params = new LinkedHashMap<String, String>();
        for (int i = 0; i < pattern.length; i++) {
            String want = pattern[i];
            if (want.startsWith("{") && want.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                // In a path "+" is a plus sign, not a space.
                params.put(want.substring(1, want.length() - 1), ApiRequest.decode(path[i].replace("+", "%2B")));
            } else if (!want.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] segments(String path) {
        return path.split("/", -1);
    }
}

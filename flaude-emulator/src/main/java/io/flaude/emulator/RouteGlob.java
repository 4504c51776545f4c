package io.flaude.emulator;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A method and a path glob, as {@link Journal#matching} and {@link Faults#script} take them. In the
 * glob, {@code *} matches within one path segment (never a {@code /}); the method {@code *} matches any.
 */
final class RouteGlob {
    private final String method;
    private final Pattern path;

    RouteGlob(String method, String glob) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = compile(Objects.requireNonNull(glob, "pathGlob"));
    }

    /** Whether {@code other} was written as the same method and glob. */
    boolean sameAs(RouteGlob other) {
        return method.equalsIgnoreCase(other.method) && path.pattern().equals(other.path.pattern());
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod))
                && path.matcher(requestPath).matches();
    }

    private static Pattern compile(String glob) {
        var regex = new StringBuilder();
        int start = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', start)) {
            regex.append(Pattern.quote(glob.substring(start, star))).append("[^/]+");
            start = star + 1;
        }
        return Pattern.compile(
                regex.append(Pattern.quote(glob.substring(start))).toString());
    }
}

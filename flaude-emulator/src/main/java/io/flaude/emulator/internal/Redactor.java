package io.flaude.emulator.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the flaude image does to every line it prints: known secret values become {@code ***} and the
 * {@code user:pass@} part of URLs is removed.
 */
final class Redactor {
    private static final Pattern USERINFO = Pattern.compile("(\\w[\\w+.-]*://)[^/@\\s]+@");

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    String redact(String line) {
        String out = line;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return USERINFO.matcher(out).replaceAll("$1");
    }
}

package io.flaude.fly;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Cuts secret values out of text before it is shown: a Fly token, a Claude token, a GitHub token. Only
 * whole tokens are cut, an occurrence whose neighbours are not letters, digits, {@code _} or {@code -},
 * so a short token ({@code "t"}) never garbles the words around it. A token given with its scheme
 * ({@code "FlyV1 fm2_..."}, {@code "Bearer ..."}) is also cut without it. The client applies it to every
 * error text a server echoes; use it on anything else you print.
 */
public final class Redactor {
    /** What a cut secret is replaced with. */
    public static final String MARK = "<redacted>";

    private static final List<String> SCHEMES = List.of("FlyV1 ", "Bearer ");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor for these values; {@code null} and blank values are ignored. */
    public static Redactor of(Collection<String> secrets) {
        List<String> values = new ArrayList<>();
        for (String s : secrets) {
            if (s == null || s.isBlank()) {
                continue;
            }
            String v = s.strip();
            values.add(v);
            for (String scheme : SCHEMES) {
                if (v.regionMatches(true, 0, scheme, 0, scheme.length()) && v.length() > scheme.length()) {
                    values.add(v.substring(scheme.length()).strip());
                }
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(values.stream().distinct().toList()));
    }

    /** Every whole occurrence of a secret in {@code text} replaced with {@link #MARK}. */
    public String redact(String text) {
        Objects.requireNonNull(text, "text");
        String out = text;
        for (String secret : secrets) {
            out = cut(out, secret);
        }
        return out;
    }

    private static String cut(String text, String secret) {
        int at = text.indexOf(secret);
        if (at < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            int end = at + secret.length();
            if (boundary(text, at - 1) && boundary(text, end)) {
                b.append(text, from, at).append(MARK);
                from = end;
                at = text.indexOf(secret, end);
            } else {
                at = text.indexOf(secret, at + 1);
            }
        }
        return b.append(text, from, text.length()).toString();
    }

    private static boolean boundary(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return !(Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }

    @Override
    public String toString() {
        return "Redactor{" + secrets.size() + " secrets}";
    }
}

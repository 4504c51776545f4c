package io.flaude.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Cursor paging over a list in creation order. A cursor is an opaque token naming the last item
 * served by its creation sequence number, so items deleted between pages never break it.
 */
final class Paging {
    private static final String PREFIX = "after:";

    /** One page, and the cursor of the next one (null on the last page). */
    record Page<T>(List<T> items, String nextCursor) {}

    private Paging() {}

    /** The items after {@code cursor} (all of them when null), at most {@code limit} (no bound when null). */
    static <T> Page<T> page(List<T> all, ToLongFunction<T> seq, Integer limit, String cursor) {
        long after = cursor == null ? 0 : decode(cursor);
        List<T> rest =
                all.stream().filter(item -> seq.applyAsLong(item) > after).toList();
        if (limit == null || rest.size() <= limit) {
            return new Page<>(rest, null);
        }
        List<T> items = rest.subList(0, limit);
        return new Page<>(items, encode(seq.applyAsLong(items.getLast())));
    }

    private static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: reported below
        }
        throw ApiError.invalid("invalid cursor");
    }
}

package io.flaude.fly.internal;

import io.flaude.fly.FlyNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** The HTTP idioms every handle repeats: find (404 is empty), delete (404 is done), cursor paging. Not API. */
public final class Calls {
    private Calls() {
    }

    /** One page of a listing: its items and the cursor of the next page ({@code null} or empty: last). */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /** What {@code get} returns, or empty when Fly answers 404. */
    public static <T> Optional<T> findOrEmpty(Supplier<T> get) {
        try {
            return Optional.of(get.get());
        } catch (FlyNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Sends the DELETE; a 404 means {@code what} was already gone. True if this call deleted it; logs to {@code log}. */
    public static boolean deleteIfPresent(HttpTransport http, FlyRequest delete, String what, Logger log) {
        try {
            http.send(delete);
            log.info("{} destroyed", what);
            return true;
        } catch (FlyNotFoundException e) {
            log.debug("{} already gone (404)", what);
            return false;
        }
    }

    /** Every item of every page: {@code first} is sent with {@code cursor=<next>} until a page has none. */
    public static <T> List<T> allPages(HttpTransport http, FlyRequest first, Function<FlyResponse, Page<T>> read) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            FlyResponse r = http.send(cursor == null ? first : first.withQuery("cursor", cursor));
            Page<T> page = read.apply(r);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return all;
    }
}

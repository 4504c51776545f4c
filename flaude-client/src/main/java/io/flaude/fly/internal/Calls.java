package io.flaude.fly.internal;

import io.flaude.fly.FlyException;
import io.flaude.fly.FlyInterruptedException;
import io.flaude.fly.FlyNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** The HTTP idioms every handle repeats: find (404 is empty), delete (404 is done), cursor paging. Not API. */
public final class Calls {
    private Calls() {}

    /** One page of a listing: its items and the cursor of the next page ({@code null} or empty: last). */
    public record Page<T>(List<T> items, String nextCursor) {}

    /** What {@code get} returns, or empty when Fly answers 404. */
    public static <T> Optional<T> findOrEmpty(Supplier<T> get) {
        try {
            return Optional.of(get.get());
        } catch (FlyNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Sends the DELETE; a 404 means {@code what} was already gone. True if this call deleted it; logs to {@code log}.
     */
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

    /**
     * A create that is safe to retry: on an answer that leaves its fate unknown (no answer, a 408 or a
     * 5xx), {@code lookup} looks for what the create made (by a name or an intent id only it knows);
     * found, it is adopted; not found, the create is tried again while the retry policy and budget
     * allow. Any other failure is raised at once.
     */
    public static <T> T createReconciled(
            HttpTransport http, String what, Supplier<T> create, Supplier<Optional<T>> lookup, Logger log) {
        long started = http.clock().nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return create.get();
            } catch (FlyInterruptedException interrupted) {
                // Interrupted with the request on its way: it may have taken effect. Hand back what it
                // made (the interrupt stays set, so the caller's next wait stops and cleans it up).
                Thread.interrupted();
                try {
                    Optional<T> found = lookup.get();
                    if (found.isPresent()) {
                        log.info("{}: interrupted, but the create took effect; handing it back", what);
                        return found.get();
                    }
                } catch (FlyException lookupFailed) {
                    interrupted.addSuppressed(lookupFailed);
                } finally {
                    Thread.currentThread().interrupt();
                }
                throw interrupted;
            } catch (FlyException failure) {
                if (!unknownOutcome(failure)) {
                    throw failure;
                }
                Optional<T> found;
                try {
                    found = lookup.get();
                } catch (FlyException lookupFailed) {
                    failure.addSuppressed(lookupFailed);
                    throw failure;
                }
                if (found.isPresent()) {
                    log.info(
                            "{}: the create's answer was lost ({}), but it took effect; adopting what it made",
                            what,
                            failure.getMessage());
                    return found.get();
                }
                Optional<Duration> delay = http.retryDelay(attempt, failure, true, started);
                if (delay.isEmpty()) {
                    throw failure;
                }
                log.debug(
                        "{}: the create failed ({}) and made nothing; retry {} in {} ms",
                        what,
                        failure.getMessage(),
                        attempt,
                        delay.get().toMillis());
                http.sleepBeforeRetry(delay.get(), "a retry of " + what);
            }
        }
    }

    /** No answer, a 408 or a 5xx: the request may or may not have taken effect (the failure says). */
    static boolean unknownOutcome(FlyException failure) {
        return failure.outcomeUnknown();
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

package io.flaude.fly.internal.logs;

import io.flaude.fly.internal.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The intervals of the log reader, as settings (the defaults are what Fly's logs API and a turn's latency
 * want; tests set shorter ones, or drive them with a test {@link Clock}). Not API.
 *
 * @param quick      the interval while a follower awaits its end line
 * @param live       the interval after lines came (and before the first read)
 * @param quiet      the longest interval on empty pages (the live one doubles up to it)
 * @param errorFirst the first pause after a failed read, doubling up to {@code errorMax}
 * @param errorMax   the longest pause after failed reads
 * @param pushFresh  a push source (NATS, a drain) that delivered within this stands in for live polling
 * @param pushPoll   while a push source stands in, the logs API is still read this often
 * @param linger     how long the reader stays once nobody follows
 * @param grace      how long a follower waits for its end line once its machine stopped
 */
public record LogTimings(
        Duration quick,
        Duration live,
        Duration quiet,
        Duration errorFirst,
        Duration errorMax,
        Duration pushFresh,
        Duration pushPoll,
        Duration linger,
        Duration grace) {
    public static final LogTimings DEFAULTS = new LogTimings(
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofSeconds(1),
            Duration.ofMillis(500),
            Duration.ofSeconds(8),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3));

    public LogTimings {
        for (Duration d :
                new Duration[] {quick, live, quiet, errorFirst, errorMax, pushFresh, pushPoll, linger, grace}) {
            Objects.requireNonNull(d, "a log timing");
            if (d.isNegative()) {
                throw new IllegalArgumentException("a log timing is never negative: " + d);
            }
        }
    }

    /** These timings with another grace. */
    public LogTimings withGrace(Duration newGrace) {
        return new LogTimings(quick, live, quiet, errorFirst, errorMax, pushFresh, pushPoll, linger, newGrace);
    }
}

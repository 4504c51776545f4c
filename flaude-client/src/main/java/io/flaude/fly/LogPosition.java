package io.flaude.fly;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a read or a follow of Fly's logs starts: {@link #START} (a machine's first line), or after a moment
 * ({@link #at(Instant)}), since Fly's log tokens count nanoseconds since the epoch (reported, not
 * documented), so a follower can start at a machine's update without reading everything before it. A page
 * says where the next one starts ({@link LogPage#next()}).
 *
 * @param nanos nanoseconds since the epoch; -1 for {@link #START}
 */
public record LogPosition(long nanos) {
    /** From the first line. */
    public static final LogPosition START = new LogPosition(-1);
    /** How far {@link #forNew} reaches back before a machine's creation. */
    public static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    public LogPosition {
        if (nanos < -1) {
            throw new FlyValidationException("a log position is a time in nanoseconds since the epoch, got " + nanos);
        }
    }

    /** After the lines printed up to {@code time}. */
    public static LogPosition at(Instant time) {
        return new LogPosition(time.getEpochSecond() * 1_000_000_000L + time.getNano());
    }

    /**
     * Every line of a machine just created: its creation time less {@link #CLOCK_MARGIN} (Fly's hosts may
     * disagree on the time; a new machine printed nothing before it existed, so the margin costs nothing);
     * {@link #START} when the machine has no creation time.
     */
    public static LogPosition forNew(Machine created) {
        return created.createdAt() == null ? START : at(created.createdAt().minus(CLOCK_MARGIN));
    }

    /**
     * The position a token of Fly's names ({@code next_token}); an empty token is {@link #START}.
     *
     * @throws FlyValidationException when it is not a time in nanoseconds since the epoch
     */
    public static LogPosition ofToken(String token) {
        if (token == null || token.isEmpty()) {
            return START;
        }
        try {
            return new LogPosition(Long.parseLong(token));
        } catch (NumberFormatException e) {
            throw new FlyValidationException(
                    "invalid log token '" + token + "': a time in nanoseconds since the epoch");
        }
    }

    /** Whether this is the start of the log. */
    public boolean isStart() {
        return nanos < 0;
    }

    /** Fly's {@code next_token} for this position: empty for the start. */
    public String token() {
        return isStart() ? "" : Long.toString(nanos);
    }
}

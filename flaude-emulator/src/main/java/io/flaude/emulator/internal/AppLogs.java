package io.flaude.emulator.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The log lines of one app, oldest first, bounded: beyond {@link #MAX_LINES} the oldest are dropped.
 * Guarded by the {@link Store} lock, like everything the store holds.
 */
final class AppLogs {
    static final int MAX_LINES = 10_000;

    private final Deque<LogRecord> lines = new ArrayDeque<>();
    private long seq;
    private Instant last = Instant.EPOCH;

    /** Appends a line; timestamps only grow (by a nanosecond at least), as {@code next_token} needs. */
    LogRecord append(String id, Instant timestamp, String message, String instance, String region) {
        Instant at = timestamp.isAfter(last) ? timestamp : last.plusNanos(1);
        last = at;
        LogRecord line = new LogRecord(++seq, id, at, message, instance, region);
        lines.addLast(line);
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
        return line;
    }

    /** Every retained line, oldest first. */
    List<LogRecord> all() {
        return List.copyOf(lines);
    }
}

package io.flaude.emulator.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line a machine printed, as the logs API serves it.
 *
 * @param seq order among an app's lines, used by {@code next_token}
 * @param instance the machine id
 */
record LogRecord(long seq, String id, Instant timestamp, String message, String instance, String region) {
    private static final DateTimeFormatter RFC_3339_NANOS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The time as Fly writes it in logs: RFC 3339 in UTC with nanoseconds. */
    String timestampText() {
        return RFC_3339_NANOS.format(timestamp);
    }
}

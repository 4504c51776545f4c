package io.flaude.emulator.internal;

import java.time.Instant;

/**
 * One line a machine printed, as the logs API serves it.
 *
 * @param seq order among an app's lines, used by {@code next_token}
 * @param instance the machine id
 */
record LogRecord(long seq, String id, Instant timestamp, String message, String instance, String region) {}

package io.flaude.fly;

import java.time.Instant;

/** One line an app printed, from Fly's logs API. */
public record LogLine(Instant timestamp, String message, String level, String instance, String region) {}

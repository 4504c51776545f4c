package io.flaude.fly.internal.logs;

import io.flaude.fly.LogLine;
import io.flaude.fly.internal.Json;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads one event of Fly's log stream, the JSON its NATS subjects carry and its log shipper (Vector)
 * posts: {@code {"event":{"provider":"app"},"fly":{"app":{"instance":"…","name":"…"},"region":"…"},
 * "log":{"level":"info"},"message":"…","timestamp":"…Z"}}. Events without an app name or an instance
 * are no machine's output and are skipped.
 */
public final class LogEvents {
    /** One line of one app. */
    public record Event(String app, LogLine line) {}

    private LogEvents() {}

    public static Optional<Event> read(JsonNode event) {
        if (event == null || !event.isObject()) {
            return Optional.empty();
        }
        JsonNode fly = event.path("fly");
        String app = Json.string(fly.path("app"), "name", null);
        String instance = Json.string(fly.path("app"), "instance", null);
        if (app == null || instance == null) {
            return Optional.empty();
        }
        LogLine line = new LogLine(
                Json.instant(event, "timestamp"),
                Json.string(event, "message", ""),
                Json.string(event.path("log"), "level", null),
                instance,
                Json.string(fly, "region", null));
        return Optional.of(new Event(app, line));
    }
}

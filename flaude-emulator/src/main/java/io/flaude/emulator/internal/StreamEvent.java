package io.flaude.emulator.internal;

import tools.jackson.databind.node.ObjectNode;

/**
 * One printed line as Fly's log stream carries it (NATS, and what its log shipper forwards): the JSON
 * flyctl reads, {@code event.provider}, {@code fly.app.instance}, {@code fly.app.name}, {@code fly.region},
 * {@code host}, {@code log.level}, {@code message}, {@code timestamp}.
 */
final class StreamEvent {
    /** The emulator's one "host", in the short hex form Fly's stream names hosts. */
    private static final String HOST = "e1a0";

    private StreamEvent() {}

    static ObjectNode of(String app, LogRecord line) {
        ObjectNode event = Json.object();
        event.putObject("event").put("provider", "app");
        ObjectNode fly = event.putObject("fly");
        fly.putObject("app").put("instance", line.instance()).put("name", app);
        fly.put("region", line.region());
        event.put("host", HOST);
        event.putObject("log").put("level", "info");
        event.put("message", line.message());
        event.put("timestamp", line.timestampText());
        return event;
    }

    /** The subject Fly publishes the line on. */
    static String subject(String app, LogRecord line) {
        return "logs." + app + "." + line.region() + "." + line.instance();
    }
}

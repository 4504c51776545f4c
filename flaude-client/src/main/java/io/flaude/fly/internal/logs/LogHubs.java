package io.flaude.fly.internal.logs;

import io.flaude.fly.LogLine;
import io.flaude.fly.internal.Clock;
import io.flaude.fly.internal.Json;
import io.flaude.fly.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The log readers of one client, one per app, and the push sources that feed them: Fly's NATS stream
 * (when configured) and log drains. A pushed line for an app nobody follows yet is kept by that app's
 * hub, so a follower that comes a moment later still gets it.
 */
public final class LogHubs implements AutoCloseable {
    private final Map<String, LogHub> hubs = new ConcurrentHashMap<>();
    private final Function<String, LogHub.Reader> readers;
    private final Clock clock;
    private final LogTimings timings;
    private final NatsLogSource nats;
    /** Set once a log drain feeds these hubs: its lines, while they come, stand in for live polling too. */
    private volatile boolean drained;

    private volatile boolean closed;
    private static volatile boolean warned;
    private static final Logger LOG = LoggerFactory.getLogger(LogHubs.class);

    /**
     * @param readers  the logs API reader of each app
     * @param natsUrl  Fly's NATS log stream, or null to poll only
     * @param natsOrg  its user, or null for the org {@code orgOfApp} names for the first app followed
     */
    public LogHubs(
            Function<String, LogHub.Reader> readers,
            Clock clock,
            LogTimings timings,
            String natsUrl,
            String natsOrg,
            Function<String, String> orgOfApp,
            String token) {
        this.readers = readers;
        this.clock = clock;
        this.timings = timings;
        this.nats = natsUrl == null || !natsClientPresent(natsUrl)
                ? null
                : new NatsLogSource(natsUrl, natsOrg, orgOfApp, token, (subject, body) -> pushed(body));
    }

    /**
     * Whether the NATS client (io.nats:jnats, an optional dependency) is on the classpath; when it is not,
     * one warning says so and the logs API is polled. Asked before {@link NatsLogSource} is ever loaded.
     */
    private static boolean natsClientPresent(String url) {
        try {
            Class.forName("io.nats.client.Nats", false, LogHubs.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            if (!warned) {
                warned = true;
                LOG.warn(
                        "Fly's NATS log stream ({}) needs the NATS client (io.nats:jnats) on the classpath;"
                                + " polling the logs API instead",
                        url);
            }
            return false;
        }
    }

    /** The reader of {@code app}'s logs. @throws IllegalStateException once the client is closed */
    public LogHub hub(String app) {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        return hubs.computeIfAbsent(
                app,
                a -> new LogHub(
                        a,
                        readers.apply(a),
                        clock,
                        timings,
                        () -> drained || (nats != null && nats.connected()),
                        () -> {
                            if (nats != null) {
                                nats.subscribe(a);
                            }
                        },
                        () -> {
                            if (nats != null) {
                                nats.unsubscribe(a);
                            }
                        }));
    }

    /** One event of Fly's log stream as JSON bytes (NATS); unreadable ones are skipped. */
    void pushed(byte[] body) {
        LogEvents.read(Json.parseOrNull(new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                .ifPresent(e -> offer(e.app(), e.line()));
    }

    /** A log drain now feeds these hubs. */
    public void drainStarted() {
        drained = true;
    }

    /** Events as a drain received them. */
    public void pushed(List<JsonNode> events) {
        for (JsonNode event : events) {
            LogEvents.read(event).ifPresent(e -> offer(e.app(), e.line()));
        }
    }

    private void offer(String app, LogLine line) {
        if (Validation.isAppName(app)) {
            hub(app).offer(line);
        }
    }

    @Override
    public void close() {
        closed = true;
        hubs.values().forEach(LogHub::close);
        if (nats != null) {
            nats.close();
        }
    }
}

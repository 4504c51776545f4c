package io.flaude.fly;

import io.flaude.fly.internal.Bodies;
import io.flaude.fly.internal.FlyRequest;
import io.flaude.fly.internal.FlyResponse;
import io.flaude.fly.internal.HttpTransport;
import io.flaude.fly.internal.Json;
import io.flaude.fly.internal.LogHub;
import io.flaude.fly.internal.LogHubs;
import io.flaude.fly.internal.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The logs of one app's machines, from Fly's logs API ({@code GET /api/v1/apps/{app}/logs}), page by
 * page: each page's {@code nextToken} continues after its last line, and asking again with the same
 * token returns only what was printed since. Obtain it from {@link FlyClient#logs(String)}.
 */
public final class Logs {
    private final HttpTransport http;
    private final String app;
    private final LogHubs hubs;

    Logs(HttpTransport http, String app, LogHubs hubs) {
        this.http = http;
        this.app = Validation.appName(app);
        this.hubs = hubs;
    }

    /** How an app's log reader reads the API. */
    static LogHub.Reader reader(HttpTransport http, String app) {
        Logs logs = new Logs(http, app, null);
        return new LogHub.Reader() {
            @Override
            public LogPage appPage(String token) {
                return logs.appPage(token);
            }

            @Override
            public LogPage page(String machineId, String token) {
                return logs.read(machineId, token);
            }
        };
    }

    /**
     * Follows {@code machineId}'s lines printed after {@code afterToken} ({@link #tokenAt} of, say, an
     * update's time, or a page's {@code nextToken}; null: from the machine's first line), calling
     * {@code onLine} for each as it comes, once, oldest first as far as the sources allow.
     *
     * <p>Every machine this client follows in one app shares one reader: one request to the logs API
     * serves them all, quickly while a follower {@linkplain LogFollow#finish awaits its end line}, every
     * second at most when all is quiet, and not at all when nothing is followed. Where Fly's NATS log
     * stream is configured ({@link FlyClient.Builder#natsLogs}) or a {@link LogDrain} receives the app's
     * lines, they arrive live and polling pauses; {@link LogFollow#finish} ends with a read of the API
     * either way, so a line a live source missed is not lost. {@code onLine} runs on a thread of this
     * follow's own, outside every lock, one line at a time in order: a slow one delays only its own lines.
     *
     * @throws IllegalStateException once the client is closed
     */
    public LogFollow follow(String machineId, String afterToken, Consumer<LogLine> onLine) {
        Validation.machineId(machineId);
        long after = afterToken == null || afterToken.isEmpty() ? -1 : parseToken(afterToken);
        return new LogFollow(machineId, hubs.hub(app).follow(machineId, after,
                onLine == null ? line -> { } : onLine));
    }

    private static long parseToken(String token) {
        try {
            long t = Long.parseLong(token);
            if (t >= 0) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FlyValidationException("invalid log token '" + token + "': a time in nanoseconds since the epoch");
    }

    /** One page of every machine's lines of the app after {@code nextToken} ("" for the first page). */
    public LogPage appPage(String nextToken) {
        return read(null, Objects.requireNonNull(nextToken, "nextToken"));
    }

    /**
     * The token that asks for the lines printed after {@code time}: Fly's {@code next_token} is a time in
     * nanoseconds since the epoch (reported; see docs/sessions.md), so a follower can start at a
     * machine's update without first reading everything before it.
     */
    public static String tokenAt(Instant time) {
        return Long.toString(LogHub.nanos(time));
    }

    /** How far {@link #tokenForNew} reaches back before a machine's creation. */
    public static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    /**
     * The token that takes every line of a machine just created: its creation time less
     * {@link #CLOCK_MARGIN} (Fly's hosts may disagree on the time; a new machine printed nothing before it
     * existed, so the margin costs nothing). Null when the machine has no creation time, meaning: from its
     * first line, read from the API.
     */
    public static String tokenForNew(Machine created) {
        return created.createdAt() == null ? null : tokenAt(created.createdAt().minus(CLOCK_MARGIN));
    }

    /** The first page of {@code machineId}'s lines. */
    public LogPage page(String machineId) {
        return read(machineId, "");
    }

    /** One page of {@code machineId}'s lines after {@code nextToken} (from an earlier page). */
    public LogPage page(String machineId, String nextToken) {
        return read(machineId, Objects.requireNonNull(nextToken, "nextToken"));
    }

    private LogPage read(String machineId, String nextToken) {
        FlyRequest request = FlyRequest.logs("/apps/" + app + "/logs").withQuery("next_token", nextToken);
        if (machineId != null) {
            request = request.withQuery("instance", Validation.machineId(machineId));
        }
        FlyResponse r = http.send(request);
        JsonNode body = Bodies.object(r, "app-logs");
        List<LogLine> lines = new ArrayList<>();
        for (JsonNode d : body.path("data")) {
            JsonNode a = d.path("attributes");
            lines.add(new LogLine(Json.instant(a, "timestamp"), Json.string(a, "message", ""),
                    Json.string(a, "level", null), Json.string(a, "instance", null), Json.string(a, "region", null)));
        }
        String next = Json.string(body.path("meta"), "next_token", null);
        return new LogPage(lines, next == null || next.isEmpty() ? nextToken : next);
    }

    /** Every line available now, from the first, following pages until one comes back empty. */
    public LogPage drain(String machineId) {
        return drainFrom(machineId, "");
    }

    /** Every line available now after {@code nextToken}, following pages until one comes back empty. */
    public LogPage drain(String machineId, String nextToken) {
        return drainFrom(machineId, Objects.requireNonNull(nextToken, "nextToken"));
    }

    private LogPage drainFrom(String machineId, String nextToken) {
        List<LogLine> all = new ArrayList<>();
        String token = nextToken;
        while (true) {
            LogPage page = read(machineId, token);
            all.addAll(page.lines());
            if (page.lines().isEmpty() || page.nextToken() == null || page.nextToken().equals(token)) {
                return new LogPage(all, page.nextToken());
            }
            token = page.nextToken();
        }
    }
}

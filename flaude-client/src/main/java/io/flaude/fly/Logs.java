package io.flaude.fly;

import io.flaude.fly.internal.Bodies;
import io.flaude.fly.internal.FlyRequest;
import io.flaude.fly.internal.FlyResponse;
import io.flaude.fly.internal.HttpTransport;
import io.flaude.fly.internal.Json;
import io.flaude.fly.internal.Validation;
import io.flaude.fly.internal.logs.LogHub;
import io.flaude.fly.internal.logs.LogHubs;
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
            public LogPage appPage(LogPosition after) {
                return logs.appPage(after);
            }

            @Override
            public LogPage page(String machineId, LogPosition after) {
                return logs.read(machineId, after);
            }
        };
    }

    /**
     * Follows {@code machineId}'s lines printed after {@code after} ({@link LogPosition#at} an update's time,
     * {@link LogPosition#forNew} a new machine, a page's {@link LogPage#next()}, or {@link LogPosition#START}),
     * calling
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
    public LogFollow follow(String machineId, LogPosition after, Consumer<LogLine> onLine) {
        Validation.machineId(machineId);
        Objects.requireNonNull(after, "after");
        return new LogFollow(
                machineId, hubs.hub(app).follow(machineId, after.nanos(), onLine == null ? line -> {} : onLine));
    }

    /** One page of every machine's lines of the app after {@code after}. */
    public LogPage appPage(LogPosition after) {
        return read(null, Objects.requireNonNull(after, "after"));
    }

    /** The first page of {@code machineId}'s lines. */
    public LogPage page(String machineId) {
        return read(machineId, LogPosition.START);
    }

    /** One page of {@code machineId}'s lines after {@code after} (an earlier page's {@link LogPage#next()}). */
    public LogPage page(String machineId, LogPosition after) {
        return read(machineId, Objects.requireNonNull(after, "after"));
    }

    private LogPage read(String machineId, LogPosition after) {
        FlyRequest request = FlyRequest.logs("/apps/" + app + "/logs").withQuery("next_token", after.token());
        if (machineId != null) {
            request = request.withQuery("instance", Validation.machineId(machineId));
        }
        FlyResponse r = http.send(request);
        JsonNode body = Bodies.object(r, "app-logs");
        List<LogLine> lines = new ArrayList<>();
        for (JsonNode d : body.path("data")) {
            JsonNode a = d.path("attributes");
            lines.add(new LogLine(
                    Json.instant(a, "timestamp"),
                    Json.string(a, "message", ""),
                    Json.string(a, "level", null),
                    Json.string(a, "instance", null),
                    Json.string(a, "region", null)));
        }
        return new LogPage(lines, next(Json.string(body.path("meta"), "next_token", null), after));
    }

    /** Where the next page starts: Fly's token, or (none, or one that is not a time) where this one did. */
    private static LogPosition next(String token, LogPosition after) {
        try {
            return token == null || token.isEmpty() ? after : LogPosition.ofToken(token);
        } catch (FlyValidationException e) {
            return after;
        }
    }

    /** Every line available now, from the first, following pages until one comes back empty. */
    public LogPage drain(String machineId) {
        return drain(machineId, LogPosition.START);
    }

    /** Every line available now after {@code after}, following pages until one comes back empty. */
    public LogPage drain(String machineId, LogPosition after) {
        List<LogLine> all = new ArrayList<>();
        LogPosition position = Objects.requireNonNull(after, "after");
        while (true) {
            LogPage page = read(machineId, position);
            all.addAll(page.lines());
            if (page.lines().isEmpty() || page.next().equals(position)) {
                return new LogPage(all, page.next());
            }
            position = page.next();
        }
    }
}

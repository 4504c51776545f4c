package io.flaude.emulator.internal;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fly's REST logs API, {@code GET /api/v1/apps/{app}/logs} (not part of the Machines spec; fly-go
 * {@code GetAppLogs}), served on the same host. Lines come oldest first, at most 50 a page, filtered by
 * {@code instance} (machine id) and {@code region}. {@code next_token} is, as on Fly (reported), the
 * last line's time in nanoseconds since the epoch, and the API answers the lines after it; when
 * nothing new has arrived the same token comes back, so a poller can keep asking. Without a token,
 * lines from the start (Fly: the last day). With a log lag, a line shows only that long after it was
 * printed.
 */
final class LogRoutes {
    static final int PAGE_SIZE = 50;

    private final Store store;
    private final java.time.Duration lag;

    LogRoutes(Store store, java.time.Duration lag) {
        this.store = store;
        this.lag = lag;
    }

    void registerOn(Router router) {
        // Not a spec operation; named in the spec's style for the journal.
        router.add("GET", "/api/v1/apps/{app_name}/logs", "Logs_list", this::list);
    }

    private ApiResponse list(ApiRequest request) {
        String instance = request.query("instance");
        String region = request.query("region");
        String token = request.query("next_token");
        long after = token == null || token.isEmpty() ? 0 : decode(token);
        long visible = nanos(Instant.now().minus(lag));
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            List<LogRecord> page = store.logs(app).all().stream()
                    .filter(line -> nanos(line.timestamp()) > after && nanos(line.timestamp()) <= visible)
                    .filter(line -> instance == null || instance.equals(line.instance()))
                    .filter(line -> region == null || region.equals(line.region()))
                    .limit(PAGE_SIZE)
                    .toList();
            ObjectNode body = Json.object();
            ArrayNode data = body.putArray("data");
            page.forEach(line -> data.add(entry(line)));
            String next = page.isEmpty()
                    ? (token != null && !token.isEmpty() ? token : "0")
                    : Long.toString(nanos(page.getLast().timestamp()));
            body.putObject("meta").put("next_token", next);
            return ApiResponse.of(200, body);
        });
    }

    private static ObjectNode entry(LogRecord line) {
        ObjectNode entry = Json.object().put("id", line.id()).put("type", "logs");
        ObjectNode attributes = entry.putObject("attributes")
                .put("timestamp", line.timestampText())
                .put("message", line.message())
                .put("level", "info")
                .put("instance", line.instance())
                .put("region", line.region());
        ObjectNode meta =
                attributes.putObject("meta").put("instance", line.instance()).put("region", line.region());
        meta.putObject("event").put("provider", "app");
        return entry;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static long decode(String token) {
        try {
            long nanos = Long.parseLong(token);
            if (nanos >= 0) {
                return nanos;
            }
        } catch (NumberFormatException e) {
            // not a number: reported below
        }
        throw ApiError.invalid("invalid next_token: a time in nanoseconds since the epoch");
    }
}

package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Await;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.internal.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The log drain Fly's shipper (Vector's HTTP sink) posts to: shapes, auth, limits, routing. */
class LogDrainTest extends EmulatorTestBase {
    private static final String DRAIN_TOKEN = "drain-token-0123456789abcdef";
    private static final String MACHINE = "3d8d9ee5b79e38";
    private final HttpClient http = HttpClient.newHttpClient();

    private static String event(String machine, String message, String time) {
        return "{\"event\":{\"provider\":\"app\"},\"fly\":{\"app\":{\"instance\":\"" + machine + "\",\"name\":\"" + APP
                + "\"},\"region\":\"iad\"},\"host\":\"0ad1\",\"log\":{\"level\":\"info\"},\"message\":\"" + message
                + "\",\"timestamp\":\"" + time + "\"}";
    }

    private int post(LogDrain drain, byte[] body, String token, String encoding) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(drain.uri())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        if (encoding != null) {
            r.header("Content-Encoding", encoding);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(utf8(s));
        }
        return out.toByteArray();
    }

    @Test
    void a_json_array_as_vector_posts_it_reaches_the_follower_of_that_machine_only() throws Exception {
        List<String> mine = new CopyOnWriteArrayList<>();
        try (LogDrain drain = fly.startLogDrain(0, DRAIN_TOKEN);
                LogFollow follow = fly.logs(APP).follow(MACHINE, LogPosition.START, line -> mine.add(line.message()))) {
            String body = "[" + event(MACHINE, "one", "2030-01-01T00:00:01Z") + ","
                    + event("0e286551c30586", "someone else's", "2030-01-01T00:00:02Z") + ","
                    + event(MACHINE, "two", "2030-01-01T00:00:03Z") + "]";

            assertThat(post(drain, utf8(body), DRAIN_TOKEN, null)).isEqualTo(200);
            Await.until("both lines at the callback", Duration.ofSeconds(10), () -> mine.size() >= 2);
            assertThat(mine).containsExactly("one", "two");
            assertThat(drain.eventsReceived()).isEqualTo(3);
        }
    }

    @Test
    void ndjson_and_gzip_bodies_are_read_too() throws Exception {
        try (LogDrain drain = fly.startLogDrain(0, DRAIN_TOKEN);
                LogFollow follow = fly.logs(APP).follow(MACHINE, LogPosition.START, line -> {})) {
            String ndjson = event(MACHINE, "a", "2030-01-01T00:00:01Z") + "\nnot json\n"
                    + event(MACHINE, "b", "2030-01-01T00:00:02Z") + "\n";

            assertThat(post(drain, utf8(ndjson), DRAIN_TOKEN, null)).isEqualTo(200);
            assertThat(post(drain, gzip("[" + event(MACHINE, "c", "2030-01-01T00:00:03Z") + "]"), DRAIN_TOKEN, "gzip"))
                    .isEqualTo(200);
            assertThat(follow.lines()).extracting(LogLine::message).containsExactly("a", "b", "c");
        }
    }

    @Test
    void without_the_bearer_token_nothing_is_taken() throws Exception {
        try (LogDrain drain = fly.startLogDrain(0, DRAIN_TOKEN);
                LogFollow follow = fly.logs(APP).follow(MACHINE, LogPosition.START, line -> {})) {
            byte[] body = utf8("[" + event(MACHINE, "forged", "2030-01-01T00:00:01Z") + "]");

            assertThat(post(drain, body, null, null)).isEqualTo(401);
            assertThat(post(drain, body, "drain-token-0123456789abcdeX", null)).isEqualTo(401);
            assertThat(follow.lines()).isEmpty();
            assertThat(drain.requestsRefused()).isEqualTo(2);
        }
    }

    @Test
    void a_body_over_the_limit_or_not_json_is_refused_with_a_4xx_vector_does_not_retry() throws Exception {
        try (LogDrain drain = fly.startLogDrain(0, DRAIN_TOKEN)) {
            assertThat(post(drain, new byte[17 * 1024 * 1024], DRAIN_TOKEN, null))
                    .isEqualTo(413);
            assertThat(post(drain, utf8("<html>"), DRAIN_TOKEN, null)).isEqualTo(400);
            assertThat(post(drain, utf8("[]"), DRAIN_TOKEN, "br")).isEqualTo(415);
        }
    }

    @Test
    void a_line_that_came_before_anyone_followed_is_kept_for_the_follower() throws Exception {
        try (LogDrain drain = fly.startLogDrain(0, DRAIN_TOKEN)) {
            assertThat(post(
                            drain,
                            utf8("[" + event(MACHINE, "early", "2030-01-01T00:00:01Z") + "]"),
                            DRAIN_TOKEN,
                            null))
                    .isEqualTo(200);

            try (LogFollow follow = fly.logs(APP).follow(MACHINE, LogPosition.START, line -> {})) {
                assertThat(follow.lines()).extracting(LogLine::message).containsExactly("early");
            }
        }
    }

    @Test
    void finish_waits_for_an_end_line_that_comes_after_the_machine_stopped() throws Exception {
        try (LogDrain drain = fly.startLogDrain(0, DRAIN_TOKEN);
                LogFollow follow = fly.logs(APP).follow(MACHINE, LogPosition.START, line -> {})) {
            var finished = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> follow.finish(l -> l.message().startsWith("[flaude:exit:"), Duration.ofSeconds(30)));
            // finish reads the machine's logs once (nothing there), then waits: the line comes only after.
            Await.until(
                    "finish's read of the machine's logs",
                    Duration.ofSeconds(10),
                    () -> emulator.journal().matching("GET", "/api/v1/apps/*/logs").stream()
                            .anyMatch(e -> e.query() != null && e.query().contains("instance=" + MACHINE)));
            post(drain, utf8("[" + event(MACHINE, "[flaude:exit:0]", "2030-01-01T00:00:09Z") + "]"), DRAIN_TOKEN, null);

            List<LogLine> lines = finished.get(20, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(lines).extracting(LogLine::message).containsExactly("[flaude:exit:0]");
        }
    }

    @Test
    void while_the_drain_brings_an_apps_lines_the_reader_polls_the_api_only_every_few_seconds() throws Exception {
        TestClock clock = new TestClock();
        try (FlyClient fly = client().clock(clock).build();
                LogDrain drain = fly.startLogDrain(0, DRAIN_TOKEN);
                LogFollow follow = fly.logs(APP).follow(MACHINE, LogPosition.START, line -> {})) {
            post(drain, utf8("[" + event(MACHINE, "first", "2030-01-01T00:00:00Z") + "]"), DRAIN_TOKEN, null);
            clock.awaitWaiting(1);
            clock.advance(Duration.ofMillis(300));
            emulator.journal().clear();
            for (int i = 0; i < 15; i++) {
                post(
                        drain,
                        utf8("[" + event(MACHINE, "line " + i, "2030-01-01T00:00:0" + (i % 10) + "." + i + "Z") + "]"),
                        DRAIN_TOKEN,
                        null);
                clock.advance(Duration.ofMillis(200));
            }

            assertThat(follow.lines()).hasSize(16);
            long polls = emulator.journal().matching("GET", "/api/v1/apps/" + APP + "/logs").stream()
                    .filter(e -> e.query() == null || !e.query().contains("instance="))
                    .count();
            assertThat(polls).as("app-wide reads in 3 s of drained lines").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void lines_an_emulated_log_shipper_posts_reach_the_follower_once_each() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FlyEmulator shipping = FlyEmulator.builder()
                        .shipLogs(URI.create("http://127.0.0.1:" + port + "/"), DRAIN_TOKEN, Duration.ofMillis(200))
                        .start();
                FlyClient client = FlyClient.builder()
                        .baseUri(shipping.baseUri())
                        .token(shipping.token())
                        .rateBudget(RateBudget.unlimited())
                        .build();
                LogDrain drain = client.startLogDrain(port, DRAIN_TOKEN)) {
            client.apps().create(APP, Apps.DEFAULT_ORG);
            Machine m = client.machines(APP).create(LogFollowTest.ticking(3, 1500), "iad");
            try (LogFollow follow = client.logs(APP).follow(m.id(), LogPosition.forNew(m), line -> {})) {
                client.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));
                List<String> lines =
                        follow.finish(l -> l.message().startsWith("[flaude:exit:"), Duration.ofSeconds(3)).stream()
                                .map(LogLine::message)
                                .toList();

                assertThat(lines)
                        .containsSubsequence("[flaude] tick 1 of 3", "[flaude] tick 3 of 3", "[flaude:exit:0]")
                        .doesNotHaveDuplicates();
                assertThat(drain.eventsReceived()).isPositive();
                assertThat(drain.requestsRefused()).isZero();
            }
        }
    }

    @Test
    void the_drain_listens_on_loopback_and_wants_a_real_token() {
        try (LogDrain drain = fly.startLogDrain(0, DRAIN_TOKEN)) {
            assertThat(drain.uri().getHost()).isEqualTo("127.0.0.1");
        }
        assertThatThrownBy(() -> fly.startLogDrain(0, "short"))
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining("at least 16");
    }
}

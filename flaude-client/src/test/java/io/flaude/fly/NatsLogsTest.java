package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Await;
import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live lines over Fly's NATS log stream, with a real {@code nats-server} (Debian's package; the CI
 * installs it) and the emulator publishing to it as Fly does: user the org slug, password the token.
 */
class NatsLogsTest {
    private static final String APP = "nats-app";
    private static final String TOKEN = "fo1_nats-test-token";
    private static final Predicate<LogLine> EXIT = line -> line.message().startsWith("[flaude:exit:");

    private NatsServer nats;
    private FlyEmulator emulator;

    @BeforeEach
    void start() {
        nats = NatsServer.start(Apps.DEFAULT_ORG, TOKEN);
        emulator = FlyEmulator.builder()
                .token(TOKEN)
                .natsUrl(nats.urlWithCredentials())
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        nats.close();
    }

    private FlyClient client(String natsUrl) {
        return FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(TOKEN)
                .rateBudget(RateBudget.unlimited())
                .natsLogs(natsUrl, Apps.DEFAULT_ORG)
                .build();
    }

    private int appWidePolls() {
        return (int) emulator.journal().matching("GET", "/api/v1/apps/" + APP + "/logs").stream()
                .filter(e -> e.query() == null || !e.query().contains("instance="))
                .count();
    }

    @Test
    void lines_come_over_nats_once_each_and_polling_pauses_while_they_do() throws InterruptedException {
        try (FlyClient fly = client(nats.url())) {
            fly.apps().create(APP, Apps.DEFAULT_ORG);
            warmUp(fly); // the first follow connects to NATS: this test measures what comes after

            List<String> live = new CopyOnWriteArrayList<>();
            Machine m = fly.machines(APP).create(LogFollowTest.ticking(12, 6000), "iad");
            try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.START, line -> live.add(line.message()))) {
                Await.until("five lines over NATS", Duration.ofSeconds(10), () -> live.size() >= 5);
                emulator.journal().clear();
                fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));
                int pollsWhileLive = appWidePolls();
                List<String> lines = follow.finish(EXIT, Duration.ofSeconds(3)).stream()
                        .map(LogLine::message)
                        .toList();

                assertThat(lines)
                        .contains("[flaude] tick 12 of 12", "[flaude:exit:0]")
                        .doesNotHaveDuplicates();
                assertThat(live).doesNotHaveDuplicates().contains("[flaude] tick 12 of 12");
                assertThat(pollsWhileLive)
                        .as("app-wide polls in the last 3.5 s of a run delivered over NATS")
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    /** Follows a machine that prints over a few seconds until three of its lines came. */
    private void warmUp(FlyClient fly) throws InterruptedException {
        Machine warm = fly.machines(APP).create(LogFollowTest.ticking(20, 4000), "iad");
        try (LogFollow follow = fly.logs(APP).follow(warm.id(), LogPosition.START, line -> {})) {
            Await.until(
                    "three lines of the warm-up machine",
                    Duration.ofSeconds(10),
                    () -> follow.lines().size() >= 3);
        }
    }

    @Test
    void a_line_that_only_nats_carries_reaches_the_follower_in_flys_shape() throws Exception {
        try (FlyClient fly = client(nats.url());
                Connection publisher = Nats.connect(Options.builder()
                        .server(nats.url())
                        .userInfo(Apps.DEFAULT_ORG, TOKEN)
                        .build())) {
            fly.apps().create(APP, Apps.DEFAULT_ORG);
            List<String> live = new CopyOnWriteArrayList<>();
            String event = "{\"event\":{\"provider\":\"app\"},\"fly\":{\"app\":{\"instance\":\"0e286551c30586\","
                    + "\"name\":\"" + APP + "\"},\"region\":\"iad\"},\"host\":\"0ad1\",\"log\":{\"level\":\"info\"},"
                    + "\"message\":\"only over nats\",\"timestamp\":\"2030-01-01T00:00:00.000000001Z\"}";
            try (LogFollow follow =
                    fly.logs(APP).follow("0e286551c30586", LogPosition.START, line -> live.add(line.message()))) {
                Await.until("the line only NATS carries", Duration.ofSeconds(10), () -> {
                    publisher.publish("logs." + APP + ".iad.0e286551c30586", event.getBytes(StandardCharsets.UTF_8));
                    publisher.publish(
                            "logs." + APP + ".iad.0e286551c30586", "not json".getBytes(StandardCharsets.UTF_8));
                    return !live.isEmpty();
                });

                assertThat(live).first().isEqualTo("only over nats");
                assertThat(follow.lines()).singleElement().satisfies(l -> {
                    assertThat(l.instance()).isEqualTo("0e286551c30586");
                    assertThat(l.region()).isEqualTo("iad");
                    assertThat(l.timestamp()).isEqualTo(Instant.parse("2030-01-01T00:00:00.000000001Z"));
                });
            }
        }
    }

    @Test
    void after_the_nats_server_restarts_lines_come_over_nats_again() throws Exception {
        try (FlyClient fly = client(nats.url())) {
            fly.apps().create(APP, Apps.DEFAULT_ORG);
            List<String> live = new CopyOnWriteArrayList<>();
            try (LogFollow follow =
                    fly.logs(APP).follow("0e286551c30586", LogPosition.START, line -> live.add(line.message()))) {
                publishUntilSeen(live, "before the restart");
                nats = nats.restart();

                publishUntilSeen(live, "after the restart");

                assertThat(live).containsExactly("before the restart", "after the restart");
            }
        }
    }

    /** Publishes one event (with a new time each try) until the follower has seen its message. */
    private void publishUntilSeen(List<String> live, String message) throws Exception {
        try (Connection publisher = Nats.connect(Options.builder()
                .server(nats.url())
                .userInfo(Apps.DEFAULT_ORG, TOKEN)
                .build())) {
            String event = "{\"fly\":{\"app\":{\"instance\":\"0e286551c30586\",\"name\":\"" + APP
                    + "\"},\"region\":\"iad\"},\"message\":\"" + message + "\",\"timestamp\":\"2030-01-01T00:00:00Z\"}";
            Await.until("'" + message + "' over NATS", Duration.ofSeconds(15), () -> {
                publisher.publish("logs." + APP + ".iad.0e286551c30586", event.getBytes(StandardCharsets.UTF_8));
                return live.contains(message);
            });
        }
    }

    @Test
    void from_the_environment_without_an_org_the_client_logs_in_with_the_apps_org() throws Exception {
        Map<String, String> env = Map.of("FLAUDE_NATS_URL", nats.url());
        try (FlyClient fly = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(TOKEN)
                .environment(env::get)
                .rateBudget(RateBudget.unlimited())
                .build()) {
            fly.apps().create(APP, Apps.DEFAULT_ORG);
            List<String> live = new CopyOnWriteArrayList<>();
            try (LogFollow follow =
                    fly.logs(APP).follow("0e286551c30586", LogPosition.START, line -> live.add(line.message()))) {
                publishUntilSeen(live, "org from the app");

                assertThat(live).containsExactly("org from the app");
                assertThat(emulator.journal().matching("GET", "/v1/apps/" + APP))
                        .hasSize(1);
            }
        }
    }

    @Test
    void connected_to_nats_that_carries_nothing_for_the_app_polling_still_brings_lines_live() throws Exception {
        try (FlyEmulator silent = FlyEmulator.builder().token(TOKEN).start(); // publishes nothing to NATS
                FlyClient fly = FlyClient.builder()
                        .baseUri(silent.baseUri())
                        .token(TOKEN)
                        .rateBudget(RateBudget.unlimited())
                        .natsLogs(nats.url(), Apps.DEFAULT_ORG)
                        .build()) {
            fly.apps().create(APP, Apps.DEFAULT_ORG);
            warmUp(fly);
            List<String> live = new CopyOnWriteArrayList<>();
            Machine m = fly.machines(APP).create(LogFollowTest.ticking(2, 2500), "iad");
            try (LogFollow follow =
                    fly.logs(APP).follow(m.id(), LogPosition.forNew(m), line -> live.add(line.message()))) {
                Await.until(
                        "the first tick by polling",
                        Duration.ofSeconds(10),
                        () -> live.contains("[flaude] tick 1 of 2"));

                assertThat(live).contains("[flaude] tick 1 of 2");
                assertThat(fly.machines(APP).get(m.id()).state()).isEqualTo(MachineState.STARTED);
            }
        }
    }

    @Test
    void on_a_fly_machine_the_client_tries_flys_own_stream_and_polls_meanwhile() throws InterruptedException {
        Map<String, String> env = Map.of("FLY_PRIVATE_IP", "fdaa:0:1:a7b:1::2");
        try (LogCapture logs = LogCapture.of(io.flaude.fly.internal.logs.NatsLogSource.class);
                FlyClient fly = FlyClient.builder()
                        .baseUri(emulator.baseUri())
                        .token(TOKEN)
                        .environment(env::get)
                        .rateBudget(RateBudget.unlimited())
                        .build()) {
            fly.apps().create(APP, Apps.DEFAULT_ORG);
            Machine m = fly.machines(APP).create(LogFollowTest.ticking(2, 300), "iad");
            try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.forNew(m), line -> {})) {
                fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));
                assertThat(follow.finish(EXIT, Duration.ofSeconds(3)))
                        .extracting(LogLine::message)
                        .contains("[flaude:exit:0]");
                Await.until("the warning about Fly's stream", Duration.ofSeconds(10), () -> !logs.lines(
                                ch.qos.logback.classic.Level.WARN)
                        .isEmpty());

                assertThat(logs.lines(ch.qos.logback.classic.Level.WARN))
                        .singleElement()
                        .asString()
                        .contains("nats://[fdaa::3]:4223")
                        .doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void without_a_reachable_nats_server_polling_alone_delivers_every_line() {
        nats.close();
        try (FlyClient fly = client("nats://127.0.0.1:1")) {
            fly.apps().create(APP, Apps.DEFAULT_ORG);
            Machine m = fly.machines(APP).create(LogFollowTest.ticking(3, 600), "iad");
            try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.START, line -> {})) {
                fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));

                assertThat(follow.finish(EXIT, Duration.ofSeconds(3)))
                        .extracting(LogLine::message)
                        .contains("[flaude] tick 3 of 3", "[flaude:exit:0]");
            }
        }
    }

    @Test
    void a_wrong_nats_password_falls_back_to_polling() {
        try (FlyClient fly = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(TOKEN)
                .rateBudget(RateBudget.unlimited())
                .natsLogs(nats.url(), "not-the-org")
                .build()) {
            fly.apps().create(APP, Apps.DEFAULT_ORG);
            Machine m = fly.machines(APP).create(LogFollowTest.ticking(2, 300), "iad");
            try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.START, line -> {})) {
                fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));

                assertThat(follow.finish(EXIT, Duration.ofSeconds(3)))
                        .extracting(LogLine::message)
                        .contains("[flaude:exit:0]");
                assertThat(appWidePolls()).isPositive();
            }
        }
    }
}

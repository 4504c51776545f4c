package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.flaude.emulator.Exchange;
import io.flaude.emulator.Fault;
import io.flaude.fly.internal.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Following machines' logs: one reader per app, lines routed by machine, none lost, none twice. */
class LogFollowTest extends EmulatorTestBase {
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final Predicate<LogLine> EXIT = line -> line.message().startsWith("[flaude:exit:");

    /** The simulated agent, printing {@code ticks} lines over {@code millis} before it exits 0. */
    static MachineConfig ticking(int ticks, long millis) {
        return MachineConfig.builder("ghcr.io/flaude-java/flaude-agent:0.1.0")
                .env(Map.of(
                        "CLAUDE_CODE_OAUTH_TOKEN",
                        "sk-ant-oat-test-token",
                        "FLAUDE_PROMPT",
                        "count",
                        "FLAUDE_EMULATOR_SLEEP_MS",
                        Long.toString(millis),
                        "FLAUDE_EMULATOR_TICKS",
                        Integer.toString(ticks)))
                .restartPolicy("no")
                .build();
    }

    private List<Exchange> appWidePolls() {
        return emulator.journal().matching("GET", "/api/v1/apps/" + APP + "/logs").stream()
                .filter(e -> e.query() == null || !e.query().contains("instance="))
                .toList();
    }

    private List<LogLine> followToTheEnd(int machines, int ticks, long millis) {
        List<LogFollow> follows = new ArrayList<>();
        List<Machine> created = new ArrayList<>();
        for (int i = 0; i < machines; i++) {
            Machine m = fly.machines(APP).create(ticking(ticks, millis), "iad");
            created.add(m);
            follows.add(fly.logs(APP).follow(m.id(), LogPosition.START, line -> {}));
        }
        List<LogLine> all = new ArrayList<>();
        for (int i = 0; i < machines; i++) {
            fly.machines(APP).waitFor(created.get(i), MachineState.STOPPED, Duration.ofSeconds(20));
            List<LogLine> lines = follows.get(i).finish(EXIT, GRACE);
            String id = created.get(i).id();
            assertThat(lines).allSatisfy(l -> assertThat(l.instance()).isEqualTo(id));
            assertThat(lines)
                    .extracting(LogLine::message)
                    .contains("[flaude] tick " + ticks + " of " + ticks, "[flaude:exit:0]");
            all.addAll(lines);
        }
        return all;
    }

    @Test
    void each_follower_gets_its_own_machines_lines_and_no_other() {
        List<LogLine> all = followToTheEnd(3, 4, 600);

        assertThat(all.stream().map(LogLine::instance).distinct()).hasSize(3);
    }

    @Test
    void ten_machines_followed_cost_no_more_app_wide_reads_than_one() {
        followToTheEnd(1, 6, 1500);
        int one = appWidePolls().size();
        emulator.journal().clear();

        followToTheEnd(10, 6, 1500);
        int ten = appWidePolls().size();

        assertThat(one).isPositive();
        assertThat(ten).as("app-wide reads for 10 machines vs %d for one", one).isLessThanOrEqualTo(one * 2 + 2);
    }

    @Test
    void a_follower_that_starts_after_the_machine_stopped_gets_every_line_from_its_first() {
        Machine m = fly.machines(APP).create(ticking(3, 100), "iad");
        fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));

        try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.START, line -> {})) {
            List<String> lines =
                    follow.finish(EXIT, GRACE).stream().map(LogLine::message).toList();

            assertThat(lines).containsSubsequence("[flaude] tick 1 of 3", "[flaude] tick 3 of 3", "[flaude:exit:0]");
            assertThat(lines).doesNotHaveDuplicates();
        }
    }

    @Test
    void lines_reach_the_callback_while_the_machine_still_runs() {
        List<Instant> arrivals = new CopyOnWriteArrayList<>();
        Machine m = fly.machines(APP).create(ticking(2, 2000), "iad");
        try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.START, line -> {
            if (line.message().contains("tick 1")) {
                arrivals.add(Instant.now());
            }
        })) {
            Machine stopped = fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));
            Instant stoppedAt = Instant.now();
            follow.finish(EXIT, GRACE);

            assertThat(stopped.state()).isEqualTo(MachineState.STOPPED);
            assertThat(arrivals).hasSize(1);
            assertThat(arrivals.get(0)).isBefore(stoppedAt.minusMillis(300));
        }
    }

    @Test
    void a_follow_from_a_token_skips_the_lines_printed_before_it() {
        Machine m = fly.machines(APP).create(ticking(1, 0), "iad");
        fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));
        LogPosition after = fly.logs(APP).drain(m.id()).next();

        try (LogFollow follow = fly.logs(APP).follow(m.id(), after, line -> {})) {
            assertThat(follow.finish(EXIT, Duration.ofMillis(300))).isEmpty();
        }
    }

    /** Moves the test clock on in steps of the live interval until {@code done} holds (bounded). */
    private static void advanceUntil(TestClock clock, java.util.function.BooleanSupplier done) {
        for (int step = 0; step < 400 && !done.getAsBoolean(); step++) {
            clock.advance(Duration.ofMillis(250));
        }
        assertThat(done.getAsBoolean())
                .as("reached within 100 s of the test clock")
                .isTrue();
    }

    @Test
    void a_closed_client_follows_nothing_more() {
        TestClock clock = new TestClock();
        FlyClient other = client().clock(clock).build();
        Machine m = other.machines(APP).create(ticking(5, 1000), "iad");
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        other.logs(APP).follow(m.id(), LogPosition.forNew(m), line -> {
            lines.add(line.message());
            if (closed.get()) {
                fail("a line was delivered after close: " + line.message());
            }
        });
        clock.awaitWaiting(1);
        advanceUntil(clock, () -> !lines.isEmpty());

        other.close();
        closed.set(true);
        fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20)); // the rest is printed now
        clock.advance(Duration.ofSeconds(10)); // a reader still alive would read and deliver it

        assertThat(lines).doesNotContain("[flaude:exit:0]");
        assertThatThrownBy(() -> other.logs(APP).follow(m.id(), LogPosition.START, line -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> other.logs("another-app").follow(m.id(), LogPosition.START, line -> {}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_failing_logs_api_is_read_less_often_and_lines_come_once_it_recovers() {
        emulator.faults()
                .script(
                        "GET",
                        "/api/v1/apps/*/logs",
                        java.util.stream.IntStream.range(0, 6)
                                .mapToObj(i -> Fault.status(503, "{\"error\":\"logs unavailable\"}"))
                                .toArray(Fault[]::new));
        TestClock clock = new TestClock();
        try (FlyClient fly =
                client().clock(clock).retryPolicy(RetryPolicy.none()).build()) {
            Machine m = fly.machines(APP).create(ticking(3, 300), "iad");
            fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));
            try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.forNew(m), line -> {})) {
                clock.awaitWaiting(1); // the reader is up
                for (int i = 0; i < 6; i++) {
                    clock.advance(Duration.ofMillis(250));
                }
                int duringFaults = emulator.journal()
                        .matching("GET", "/api/v1/apps/*/logs")
                        .size();
                advanceUntil(clock, () -> follow.lines().stream().anyMatch(EXIT));

                assertThat(duringFaults)
                        .as("reads in 1.5 s while the API answers 503 (250 ms apart would be 6)")
                        .isBetween(1, 3);
                assertThat(follow.finish(EXIT, GRACE))
                        .extracting(LogLine::message)
                        .contains("[flaude] tick 3 of 3", "[flaude:exit:0]");
            }
        }
    }

    @Test
    void nothing_followed_means_no_reads_at_all() {
        TestClock clock = new TestClock();
        try (FlyClient fly = client().clock(clock).build()) {
            Machine m = fly.machines(APP).create(ticking(1, 100), "iad");
            fly.machines(APP).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));
            fly.logs(APP).follow(m.id(), LogPosition.START, line -> {}).finish(EXIT, GRACE);
            emulator.journal().clear();

            clock.advance(Duration.ofSeconds(2)); // the reader lingers 2 s, then goes
            clock.advance(Duration.ofMinutes(1));

            assertThat(emulator.journal().matching("GET", "/api/v1/apps/*/logs"))
                    .isEmpty();
        }
    }

    @Test
    void a_slow_callback_delays_only_its_own_lines() throws InterruptedException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Machine slow = fly.machines(APP).create(ticking(2, 100), "iad");
        Machine quick = fly.machines(APP).create(ticking(2, 100), "iad");
        try (LogFollow stuck = fly.logs(APP).follow(slow.id(), LogPosition.START, line -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            LogFollow other = fly.logs(APP).follow(quick.id(), LogPosition.START, line -> {});
            fly.machines(APP).waitFor(quick, MachineState.STOPPED, Duration.ofSeconds(20));

            assertThat(other.finish(EXIT, GRACE)).extracting(LogLine::message).contains("[flaude:exit:0]");
            assertThat(stuck.lines())
                    .as("the stuck follower's lines are read all the same")
                    .isNotEmpty();
        } finally {
            release.countDown();
        }
    }
}

package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.RateBudget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fly's logs trail a machine's output: with the emulator's lines showing in the logs API a second after
 * they were printed, the machine has stopped before its exit marker can be read. Runs and turns wait
 * for it (within their grace) and lose no line.
 */
class LateLogsTest {
    private static final String APP = "late-logs";
    private static final Duration LAG = Duration.ofSeconds(1);

    private FlyEmulator emulator;
    private FlyClient fly;

    @BeforeEach
    void start() {
        emulator = FlyEmulator.builder()
                .logLag(LAG)
                .detachDelay(Duration.ofMillis(100))
                .start();
        fly = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .rateBudget(RateBudget.unlimited())
                .build();
        fly.apps().create(APP, Apps.DEFAULT_ORG);
    }

    @AfterEach
    void stop() {
        fly.close();
        emulator.close();
    }

    private static AgentConfig config(String prompt, Map<String, String> env) {
        return AgentConfig.builder()
                .claudeToken("sk-ant-oat-test-token")
                .prompt(prompt)
                .env(env)
                .build();
    }

    @Test
    void a_run_whose_lines_trail_its_stop_still_has_every_line_and_the_markers_exit_code() {
        RunResult r = new Runner(fly)
                .run(
                        APP,
                        config("late", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "0")),
                        RunOptions.DEFAULTS.withTimeout(Duration.ofSeconds(20)));

        assertThat(r.exitCode()).isZero();
        assertThat(r.logLines()).last().isEqualTo("[flaude:exit:0]");
        assertThat(r.logLines()).anySatisfy(l -> assertThat(l).startsWith("[flaude:manifest:"));
    }

    @Test
    void a_failed_run_whose_marker_comes_late_fails_with_the_markers_code() {
        assertThatThrownBy(() -> new Runner(fly)
                        .run(
                                APP,
                                config("late", Map.of("FLAUDE_EMULATOR_EXIT", "7")),
                                RunOptions.DEFAULTS.withTimeout(Duration.ofSeconds(20))))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.result().exitCode()).isEqualTo(7);
                    assertThat(e.result().logLines()).last().isEqualTo("[flaude:exit:7]");
                });
    }

    @Test
    void a_session_turn_whose_lines_trail_its_stop_answers_with_them() {
        try (Sessions sessions = new Sessions(fly, new InMemorySessionStore(), Duration.ofSeconds(10))) {
            TurnResult first = sessions.create(APP, config("remember 42", Map.of()), SessionOptions.DEFAULTS);
            TurnResult second = sessions.turn(
                    first.session().sessionId(),
                    TurnOptions.prompt("what was it?").withTimeout(Duration.ofSeconds(20)));

            assertThat(second.result().logLines()).last().isEqualTo("[flaude:exit:0]");
            assertThat(second.result().logLines()).anySatisfy(l -> assertThat(l).contains("remember 42"));
            sessions.destroy(first.session().sessionId());
        }
    }
}

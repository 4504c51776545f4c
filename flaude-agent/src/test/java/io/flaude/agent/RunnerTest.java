package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Await;
import io.flaude.emulator.Fault;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.FlyException;
import io.flaude.fly.FlyTimeoutException;
import io.flaude.fly.MachineState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@FlyEmulatorTest(detachDelayMs = 300, requireNothingLive = true)
class RunnerTest extends AgentTestBase {

    private RunResult run(AgentConfig config) {
        return new Runner(fly).run(APP, config, RunOptions.DEFAULTS.withTimeout(TIMEOUT));
    }

    @Test
    void a_run_returns_exit_code_0_and_the_output_and_leaves_no_machine() {
        RunResult r = run(config("say hello"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.succeeded()).isTrue();
        assertThat(r.logLines()).last().isEqualTo("[flaude:exit:0]");
        assertThat(r.manifest()).isNotNull();
        assertThat(liveMachines()).isEmpty();
    }

    @Test
    void each_line_is_streamed_as_it_arrives() {
        List<String> seen = new CopyOnWriteArrayList<>();

        RunResult r = new Runner(fly)
                .run(
                        APP,
                        config("stream", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "400")),
                        RunOptions.DEFAULTS.withTimeout(TIMEOUT).withOnLine(seen::add));

        assertThat(seen).containsExactlyElementsOf(r.logLines());
    }

    @Test
    void a_machine_that_is_gone_when_the_wait_is_refused_is_judged_by_its_exit_marker() {
        emulator.faults()
                .script(
                        "GET",
                        "/v1/apps/*/machines/*/wait",
                        Fault.status(400, "{\"error\":\"invalid_argument: machine destroyed\"}")
                                .after(Duration.ofMillis(700)));

        RunResult r = run(config("quick"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.machineState()).contains(MachineState.DESTROYED);
        assertThat(r.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void a_non_zero_exit_raises_with_machine_code_state_and_last_lines_and_destroys_the_machine() {
        assertThatThrownBy(() -> run(config("fail", Map.of("FLAUDE_EMULATOR_EXIT", "3"))))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.result().exitCode()).isEqualTo(3);
                    assertThat(e.outcome()).isEqualTo(RunOutcome.EXITED_NON_ZERO);
                    assertThat(e.result().machineId()).isNotBlank();
                    assertThat(e.result().machineState()).isPresent();
                    assertThat(e.lastLogLines()).isNotEmpty().last().isEqualTo("[flaude:exit:3]");
                });
        assertThat(liveMachines()).isEmpty();
    }

    @Test
    void a_crash_without_a_marker_takes_the_api_exit_code_and_fails() {
        assertThatThrownBy(() -> run(config("crash", Map.of("FLAUDE_EMULATOR_CRASH", "1"))))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.result().exitCode()).isNotNull().isNotZero();
                    assertThat(e.lastLogLines()).noneMatch(l -> l.startsWith("[flaude:exit:"));
                });
        assertThat(liveMachines()).isEmpty();
    }

    @Test
    void a_machine_that_ends_failed_is_a_failure() {
        assertThatThrownBy(() -> run(config("boom", Map.of("FLAUDE_EMULATOR_FAIL", "1"))))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.result().machineState()).contains(MachineState.FAILED);
                    assertThat(e.outcome()).isEqualTo(RunOutcome.MACHINE_FAILED);
                });
        assertThat(liveMachines()).isEmpty();
    }

    @Test
    void a_timeout_raises_and_still_destroys_the_machine() {
        assertThatThrownBy(() -> new Runner(fly)
                        .run(
                                APP,
                                config("slow", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "10000")),
                                RunOptions.DEFAULTS.withTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(FlyTimeoutException.class);
        assertThat(liveMachines()).isEmpty();
    }

    @Test
    void an_interrupted_run_destroys_the_machine_and_keeps_the_interrupt() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                run(config("slow", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "10000")));
            } catch (FlyException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitLiveMachine();
        t.interrupt();
        t.join(10_000);

        assertThat(failure.get()).isNotNull();
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(liveMachines()).isEmpty();
    }

    @Test
    void a_machine_that_vanishes_mid_run_is_a_failure_never_a_success() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                run(config("slow", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "10000")));
            } catch (FlyException e) {
                failure.set(e);
            }
        });
        String id = awaitLiveMachine();
        emulator.loseMachineForTest(APP, id);
        t.join(15_000);

        assertThat(failure.get()).isInstanceOfSatisfying(RunFailedException.class, e -> assertThat(e.outcome())
                .as("killed: its exit event, or gone without one")
                .isIn(RunOutcome.EXITED_NON_ZERO, RunOutcome.VANISHED));
    }

    private String awaitLiveMachine() {
        Await.until("a started machine", Duration.ofSeconds(5), () -> liveMachines().stream()
                .anyMatch(m -> m.state() == MachineState.STARTED));
        return liveMachines().get(0).id();
    }
}

package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.agent.internal.Outcome;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one exit-code rule, on every combination the API can hand us. */
class OutcomeTest {
    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

    private static Machine machine(String state, MachineEvent... events) {
        return new Machine("3d8d413b29d089", "m", state, "iad", "v2", null, START, START, null, List.of(events), "app");
    }

    private static MachineEvent exit(int code, Instant at) {
        return new MachineEvent("e", "exit", "stopped", "flyd", at, code);
    }

    @Test
    void the_log_marker_wins_over_the_api_exit_code() {
        RunResult r = Outcome.of(
                "m",
                "v2",
                Optional.of(machine("stopped", exit(1, START.plusSeconds(5)))),
                START,
                List.of("hello", "[flaude:exit:0]"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.succeeded()).isTrue();
    }

    @Test
    void without_a_marker_the_exit_event_of_this_run_counts() {
        RunResult r = Outcome.of(
                "m", "v2", Optional.of(machine("stopped", exit(4, START.plusSeconds(5)))), START, List.of("hi"));

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.succeeded()).isFalse();
    }

    @Test
    void an_exit_event_from_before_the_run_is_never_read() {
        RunResult r = Outcome.of(
                "m", "v2", Optional.of(machine("stopped", exit(0, START.minusSeconds(30)))), START, List.of());

        assertThat(r.exitCode()).isNull();
        assertThat(r.succeeded()).isFalse();
    }

    @Test
    void a_failed_machine_is_a_failure_even_with_exit_code_0() {
        assertThat(Outcome.of("m", "v2", Optional.of(machine("failed")), START, List.of("[flaude:exit:0]"))
                        .succeeded())
                .isFalse();
    }

    @Test
    void a_machine_that_vanished_without_a_marker_is_a_failure_never_a_success() {
        RunResult r = Outcome.of("m", "v2", Optional.empty(), START, List.of("working..."));

        assertThat(r.machineState()).isEmpty();
        assertThat(r.outcome()).isEqualTo(RunOutcome.VANISHED);
        assertThat(r.succeeded()).isFalse();
        assertThat(new RunFailedException("run", r)).hasMessageContaining("vanished");
    }

    @Test
    void the_last_marker_counts_and_the_manifest_is_read() {
        RunResult r = Outcome.of(
                "m",
                "v2",
                Optional.of(machine("stopped")),
                START,
                List.of("[flaude:manifest:{\"turn\":\"first\"}]", "[flaude:exit:2]", "[flaude:exit:0]"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.manifest()).isEqualTo("{\"turn\":\"first\"}");
        assertThat(r.output()).isEmpty();
    }

    @Test
    void a_failure_keeps_the_last_20_lines() {
        List<String> lines = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> "line " + i)
                .toList();
        RunFailedException e =
                new RunFailedException("run", Outcome.of("m", "v2", Optional.of(machine("stopped")), START, lines));

        assertThat(e.lastLogLines()).hasSize(20).startsWith("line 10").endsWith("line 29");
        assertThat(e.result().exitCode()).isNull();
        assertThat(e.outcome()).isEqualTo(RunOutcome.NO_EXIT_CODE);
    }
}

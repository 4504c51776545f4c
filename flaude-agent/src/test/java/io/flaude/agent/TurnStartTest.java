package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.FlyTimeoutException;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a turn gets its machine running, decided from the machine's state. The emulator's machines take a
 * second to stop after SIGTERM, as a process that shuts down gracefully does, so a turn that comes while
 * the machine is still stopping meets that state every run, not by luck.
 */
@FlyEmulatorTest(detachDelayMs = 300, stopDelayMs = 1000)
class TurnStartTest extends AgentTestBase {
    private Session created() {
        return sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
    }

    /** A turn whose agent runs 10 s, given 1 s: it times out and its machine is stopped (taking a second). */
    private void timedOutTurn(Session s) {
        assertThatThrownBy(() -> sessions.turn(
                        s.sessionId(),
                        turn("slow")
                                .withEnv(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "10000"))
                                .withTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(FlyTimeoutException.class);
    }

    @Test
    void a_turn_that_times_out_leaves_the_machine_stopped_before_the_session_is_idle() {
        Session s = created();

        timedOutTurn(s);

        assertThat(fly.machines(APP).get(s.machineId()).state()).isEqualTo(MachineState.STOPPED);
        assertThat(sessions.get(s.sessionId()).state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void the_turn_after_a_timed_out_turn_runs_its_own_prompt() {
        Session s = created();
        timedOutTurn(s);

        TurnResult again = sessions.turn(s.sessionId(), turn("again"));

        assertThat(again.result().exitCode()).isEqualTo(0);
        assertThat(again.result().logLines()).anyMatch(l -> l.contains("again"));
    }

    @Test
    void a_turn_on_a_machine_still_stopping_waits_for_the_stop_then_starts_it() {
        Session s = created();
        sessions.close(); // the create's lingering lease: this test drives the machine itself
        Machine running = fly.machines(APP).get(s.machineId());
        fly.machines(APP).start(s.machineId());
        fly.machines(APP).waitFor(running, MachineState.STARTED, TIMEOUT);
        fly.machines(APP).stop(s.machineId());
        assertThat(fly.machines(APP).get(s.machineId()).state()).isEqualTo(MachineState.STOPPING);

        TurnResult next = sessions.turn(s.sessionId(), turn("after a stop from elsewhere"));

        assertThat(next.result().exitCode()).isEqualTo(0);
        assertThat(next.result().logLines()).anyMatch(l -> l.contains("after a stop from elsewhere"));
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines/*/start"))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    }
}

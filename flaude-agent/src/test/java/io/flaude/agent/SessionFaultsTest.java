package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyServerException;
import io.flaude.fly.RateBudget;
import io.flaude.fly.RetryPolicy;
import io.flaude.fly.VolumeListOptions;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leaks found when Fly's answers get lost or refused, each closed; nothing is left, nothing made twice. */
@FlyEmulatorTest(detachDelayMs = 300)
class SessionFaultsTest extends AgentTestBase {
    private FlyClient quick;
    private Sessions onFaults;

    @BeforeEach
    void quickRetries() {
        quick = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .retryPolicy(RetryPolicy.exponential(6, Duration.ofMillis(1), Duration.ofMillis(4)))
                .rateBudget(RateBudget.unlimited())
                .build();
        onFaults = new Sessions(quick, store, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeQuick() {
        quick.close();
    }

    private static Fault[] times(int n, Fault f) {
        Fault[] all = new Fault[n];
        Arrays.fill(all, f);
        return all;
    }

    /** A session, as a process that then ended left it: its create's lingering lease released. */
    private Session create() {
        Session s = onFaults.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        onFaults.close();
        return s;
    }

    @Test
    void a_machine_create_whose_answer_was_lost_is_adopted_and_the_session_works() {
        emulator.faults().script("POST", "/v1/apps/*/machines", Fault.dropAfterApplying());

        Session s = create();

        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines")).hasSize(1);
        assertThat(liveMachines()).singleElement().satisfies(m -> assertThat(m.id())
                .isEqualTo(s.machineId()));
        assertThat(onFaults.turn(s.sessionId(), turn("again")).result().succeeded())
                .isTrue();
        onFaults.destroy(s.sessionId());
        assertThat(emulator.liveResources()).isEmpty();
    }

    @Test
    void a_volume_create_whose_answer_was_lost_is_adopted_not_orphaned() {
        emulator.faults().script("POST", "/v1/apps/*/volumes", Fault.dropAfterApplying());

        Session s = create();

        assertThat(fly.volumes(APP).list(VolumeListOptions.LIVE))
                .singleElement()
                .satisfies(v -> assertThat(v.id()).isEqualTo(s.volumeId()));
        onFaults.destroy(s.sessionId());
        assertThat(emulator.liveResources()).isEmpty();
    }

    @Test
    void a_lease_acquire_whose_answer_was_lost_is_adopted_so_the_turn_is_not_busy() {
        Session s = create();
        emulator.faults().script("POST", "/v1/apps/*/machines/*/lease", Fault.dropAfterApplying());

        assertThat(onFaults.turn(s.sessionId(), turn("again")).result().succeeded())
                .isTrue();

        assertThat(emulator.journal().matching("GET", "/v1/apps/*/machines/*/lease"))
                .hasSize(1);
        onFaults.destroy(s.sessionId());
    }

    @Test
    void a_first_turn_that_fails_after_a_lost_create_answer_leaves_nothing() {
        emulator.faults().script("POST", "/v1/apps/*/machines", Fault.dropAfterApplying());

        assertThatThrownBy(() -> onFaults.create(
                        APP,
                        config("x", java.util.Map.of("FLAUDE_EMULATOR_EXIT", "4")),
                        SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT)))
                .isInstanceOf(RunFailedException.class);

        assertThat(emulator.liveResources()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_machine_that_is_gone_makes_the_turn_say_so_not_busy() {
        Session s = create();
        emulator.loseMachineForTest(APP, s.machineId());

        assertThatThrownBy(() -> onFaults.turn(s.sessionId(), turn("again")))
                .isInstanceOf(SessionMachineGoneException.class)
                .hasMessage(
                        "machine " + s.machineId() + " of session " + s.sessionId() + " is gone; destroy the session");
        onFaults.destroy(s.sessionId());
        assertThat(emulator.liveResources()).isEmpty();
    }

    @Test
    void a_destroy_fly_refuses_keeps_a_destroying_record_without_waiting_for_the_volume_and_a_later_destroy_finishes() {
        Session s = create();
        emulator.faults()
                .script("DELETE", "/v1/apps/*/machines/*", times(6, Fault.status(503, "{\"error\":\"unavailable\"}")));

        assertThatThrownBy(() -> onFaults.destroy(s)).isInstanceOf(FlyServerException.class);

        assertThat(store.find(s.sessionId()))
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(SessionState.DESTROYING));
        assertThat(emulator.journal().matching("DELETE", "/v1/apps/*/volumes/*"))
                .as("one try, no detach wait")
                .hasSize(1);
        onFaults.destroy(s.sessionId());
        assertThat(emulator.liveResources()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_record_left_running_by_a_dead_process_is_set_idle_by_the_reaper_and_turns_again() {
        Session s = create();
        store.save(store.find(s.sessionId()).orElseThrow().withState(SessionState.RUNNING));

        var actions = onFaults.reap(APP, Duration.ZERO);

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.reason()).contains("abandoned turn");
            assertThat(a.done()).isTrue();
        });
        assertThat(store.find(s.sessionId()).orElseThrow().state()).isEqualTo(SessionState.IDLE);
        assertThat(onFaults.turn(s.sessionId(), turn("again")).result().succeeded())
                .isTrue();
        onFaults.destroy(s.sessionId());
    }

    @Test
    void a_run_whose_create_answer_was_lost_runs_the_prompt_once() {
        emulator.faults().script("POST", "/v1/apps/*/machines", Fault.dropAfterApplying());

        RunResult r = new Runner(quick).run(APP, config("once"), RunOptions.DEFAULTS.withTimeout(TIMEOUT));

        assertThat(r.succeeded()).isTrue();
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines")).hasSize(1);
        assertThat(emulator.liveResources()).isEmpty();
    }
}

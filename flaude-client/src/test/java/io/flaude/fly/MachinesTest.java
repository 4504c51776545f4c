package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Exchange;
import io.flaude.emulator.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The machines part of the client, on the emulator's machines (which run its simulated agent). */
class MachinesTest extends EmulatorTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Machines machines() {
        return fly.machines(APP);
    }

    /** A config the simulated agent runs at once and exits from with {@code exitCode}. */
    private static MachineConfig agent(int exitCode) {
        return MachineConfig.builder("ghcr.io/flaude-java/flaude-agent:0.1.0")
                .env(Map.of(
                        "CLAUDE_CODE_OAUTH_TOKEN",
                        "sk-ant-oat-test-token",
                        "FLAUDE_PROMPT",
                        "wait",
                        "FLAUDE_EMULATOR_SLEEP_MS",
                        "0",
                        "FLAUDE_EMULATOR_EXIT",
                        Integer.toString(exitCode)))
                .restartPolicy("no")
                .build();
    }

    private static MachineConfig idle() {
        return agent(0);
    }

    private Machine stopped() {
        Machine m = machines().create(idle(), "iad");
        return machines().waitFor(m, MachineState.STOPPED, TIMEOUT);
    }

    @Test
    void update_is_a_post_and_gives_a_new_instance() {
        Machine m = stopped();

        Machine updated = machines().update(m.id(), idle());

        Exchange last = emulator.journal().last();
        assertThat(last.method()).isEqualTo("POST");
        assertThat(last.path()).isEqualTo("/v1/apps/" + APP + "/machines/" + m.id());
        assertThat(updated.instanceId()).isNotEqualTo(m.instanceId());
    }

    @Test
    void a_wait_that_answers_408_is_asked_again_under_one_deadline() {
        Machine m = machines().create(idle(), "iad");
        emulator.faults()
                .script(
                        "GET",
                        "/v1/apps/*/machines/*/wait",
                        Fault.status(
                                408,
                                "{\"error\":\"machine failed to reach desired state, stopped, currently started\"}"),
                        Fault.status(
                                408,
                                "{\"error\":\"machine failed to reach desired state, stopped, currently started\"}"));

        Machine done = machines().waitFor(m, MachineState.STOPPED, TIMEOUT);

        assertThat(done.state()).isEqualTo(MachineState.STOPPED);
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/machines/*/wait"))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.query())
                        .contains("version=" + m.instanceId())
                        .contains("timeout="));
    }

    @Test
    void a_wait_for_stopped_by_id_is_pinned_to_the_current_instance() {
        Machine m = machines().create(idle(), "iad");

        Machine done = machines().waitFor(m.id(), MachineState.STOPPED, TIMEOUT);

        assertThat(done.state()).isEqualTo(MachineState.STOPPED);
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/machines/*/wait"))
                .allSatisfy(e -> assertThat(e.query()).contains("version=" + m.instanceId()));
    }

    @Test
    void each_wait_asks_for_at_most_60_seconds() {
        Machine m = machines().create(idle(), "iad");

        machines().waitFor(m, MachineState.STOPPED, Duration.ofMinutes(30));

        assertThat(emulator.journal().matching("GET", "/v1/apps/*/machines/*/wait"))
                .allSatisfy(e -> assertThat(e.query()).contains("timeout=60"));
    }

    @Test
    void exit_codes_are_read_from_the_exit_events() {
        Machine m = machines().create(agent(7), "iad");

        Machine done = machines().waitFor(m, MachineState.STOPPED, TIMEOUT);

        assertThat(done.lastExitCode()).contains(7);
        assertThat(machines().events(m.id())).anyMatch(e -> Integer.valueOf(7).equals(e.exitCode()));
    }

    @Test
    void a_lease_excludes_others_and_its_nonce_lets_the_holder_act() {
        Machine m = stopped();
        Lease lease = machines().acquireLease(m.id(), Duration.ofSeconds(30), "test");

        assertThatThrownBy(() -> machines().acquireLease(m.id(), Duration.ofSeconds(30), "other"))
                .isInstanceOf(FlyConflictException.class);
        assertThatThrownBy(() -> machines().update(m.id(), idle())).isInstanceOf(FlyConflictException.class);
        assertThat(machines().leased(lease).update(m.id(), idle()).id()).isEqualTo(m.id());
        assertThat(emulator.journal().last().requestHeaders().get("fly-machine-lease-nonce"))
                .containsExactly(lease.nonce());
        machines().releaseLease(lease);
        assertThat(machines()
                        .acquireLease(m.id(), Duration.ofSeconds(30), "next")
                        .nonce())
                .isNotEqualTo(lease.nonce());
    }

    @Test
    void start_stop_and_destroy_with_force() {
        Machine m = stopped();
        machines().start(m.id());
        machines().stop(m.id());

        assertThat(machines().destroy(m.id(), true)).isTrue();
        assertThat(machines().get(m.id()).isGone()).isTrue();
        assertThat(machines().list()).isEmpty();
        assertThat(machines().list(MachineListOptions.DEFAULT.includingDeleted()))
                .hasSize(1);
    }

    @Test
    void an_unknown_machine_state_is_unknown_and_kept_as_sent() {
        Machine m = stopped();
        emulator.faults()
                .script(
                        "GET",
                        "/v1/apps/*/machines/*",
                        Fault.status(200, "{\"id\":\"" + m.id() + "\",\"state\":\"hibernating\",\"future\":1}"));

        Machine read = machines().get(m.id());
        assertThat(read.state()).isEqualTo(MachineState.UNKNOWN);
        assertThat(read.stateAsString()).isEqualTo("hibernating");
    }

    @Test
    void a_leased_view_sends_the_nonce_and_keeps_the_secrets_version_it_was_made_with() {
        Machine m = stopped();
        long version = fly.secrets(APP).set(java.util.Map.of("A_SECRET", "dmFsdWU="));
        Lease lease = machines().acquireLease(m.id(), Duration.ofSeconds(30), "test");

        machines().requiringSecrets(version).leased(lease).update(m.id(), idle());

        Exchange update = emulator.journal().last();
        assertThat(update.requestHeaders().get("fly-machine-lease-nonce")).containsExactly(lease.nonce());
        assertThat(update.requestBody()).contains("\"min_secrets_version\":" + version);
    }

    @Test
    void a_lease_on_another_machine_is_refused_before_any_request() {
        Machine a = stopped();
        Machine b = stopped();
        Lease onA = machines().acquireLease(a.id(), Duration.ofSeconds(30), "test");
        int before = emulator.journal().exchanges().size();

        assertThatThrownBy(() -> machines().leased(onA).stop(b.id()))
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining(a.id());
        assertThat(emulator.journal().exchanges()).hasSize(before);
    }

    @Test
    void a_wait_for_a_state_fly_cannot_long_poll_polls_the_machine() {
        Machine m = stopped();
        emulator.journal().clear();

        assertThatThrownBy(() -> machines().waitFor(m.id(), MachineState.REPLACING, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(FlyTimeoutException.class, e -> {
                    assertThat(e.lastSeen(Machine.class)).map(Machine::state).contains(MachineState.STOPPED);
                    assertThat(e.getMessage()).contains("replacing");
                });
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/machines/*/wait"))
                .isEmpty();
    }

    @Test
    void a_wait_carries_the_machine_last_read_when_it_times_out() {
        Machine m = machines()
                .create(
                        agent(0).toBuilder()
                                .env("FLAUDE_EMULATOR_SLEEP_MS", "5000")
                                .build(),
                        "iad");

        assertThatThrownBy(() -> machines().waitFor(m, MachineState.STOPPED, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(FlyTimeoutException.class, e -> {
                    assertThat(e.lastSeen(Machine.class)).map(Machine::state).contains(MachineState.STARTED);
                    assertThat(e.attempts()).isPositive();
                });
        machines().destroy(m.id(), true);
    }

    @Test
    void logs_are_read_page_by_page_and_a_token_continues_after_the_last_line() {
        Machine m = stopped();

        LogPage all = fly.logs(APP).drain(m.id());
        LogPage none = fly.logs(APP).drain(m.id(), all.next());

        assertThat(all.lines()).isNotEmpty().last().satisfies(l -> assertThat(l.message())
                .isEqualTo("[flaude:exit:0]"));
        assertThat(all.lines()).allSatisfy(l -> assertThat(l.instance()).isEqualTo(m.id()));
        assertThat(none.lines()).isEmpty();
    }
}

package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Exchange;
import io.flaude.emulator.Fault;
import io.flaude.fly.FlyConflictException;
import io.flaude.fly.Lease;
import io.flaude.fly.LogPage;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.Machines;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The machines part of the client, on the emulator's machines. */
class MachinesTest extends AgentTestBase {

    private Machines machines() {
        return fly.machines(APP);
    }

    private MachineConfig idle() {
        return config("wait", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "0")).toBuilder().autoDestroy(false).build().toMachineConfig();
    }

    private Machine stopped() {
        Machine m = machines().create(idle(), "iad");
        return machines().waitFor(m.id(), "stopped", m.instanceId(), TIMEOUT);
    }

    @Test
    void update_is_a_post_and_gives_a_new_instance() {
        Machine m = stopped();

        Machine updated = machines().update(m.id(), idle(), null);

        Exchange last = emulator.journal().last();
        assertThat(last.method()).isEqualTo("POST");
        assertThat(last.path()).isEqualTo("/v1/apps/agents/machines/" + m.id());
        assertThat(updated.instanceId()).isNotEqualTo(m.instanceId());
    }

    @Test
    void a_wait_that_answers_408_is_asked_again_under_one_deadline() {
        Machine m = machines().create(idle(), "iad");
        emulator.faults().script("GET", "/v1/apps/*/machines/*/wait",
                Fault.status(408, "{\"error\":\"machine failed to reach desired state, stopped, currently started\"}"),
                Fault.status(408, "{\"error\":\"machine failed to reach desired state, stopped, currently started\"}"));

        Machine done = machines().waitFor(m.id(), "stopped", m.instanceId(), TIMEOUT);

        assertThat(done.state()).isEqualTo("stopped");
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/machines/*/wait")).hasSize(3)
                .allSatisfy(e -> assertThat(e.query()).contains("instance_id=" + m.instanceId()).contains("timeout="));
    }

    @Test
    void each_wait_asks_for_at_most_60_seconds() {
        Machine m = machines().create(idle(), "iad");

        machines().waitFor(m.id(), "stopped", m.instanceId(), Duration.ofMinutes(30));

        assertThat(emulator.journal().matching("GET", "/v1/apps/*/machines/*/wait"))
                .allSatisfy(e -> assertThat(e.query()).contains("timeout=60"));
    }

    @Test
    void exit_codes_are_read_from_the_exit_events() {
        Machine m = machines().create(config("x", Map.of("FLAUDE_EMULATOR_EXIT", "7")).toBuilder().autoDestroy(false)
                .build().toMachineConfig(), "iad");

        Machine done = machines().waitFor(m.id(), "stopped", m.instanceId(), TIMEOUT);

        assertThat(done.lastExitCode()).contains(7);
        assertThat(machines().events(m.id())).anyMatch(e -> Integer.valueOf(7).equals(e.exitCode()));
    }

    @Test
    void a_lease_excludes_others_and_its_nonce_lets_the_holder_act() {
        Machine m = stopped();
        Lease lease = machines().acquireLease(m.id(), Duration.ofSeconds(30), "test");

        assertThatThrownBy(() -> machines().acquireLease(m.id(), Duration.ofSeconds(30), "other"))
                .isInstanceOf(FlyConflictException.class);
        assertThatThrownBy(() -> machines().update(m.id(), idle(), null)).isInstanceOf(FlyConflictException.class);
        assertThat(machines().update(m.id(), idle(), lease.nonce()).id()).isEqualTo(m.id());
        assertThat(emulator.journal().last().requestHeaders().get("fly-machine-lease-nonce")).containsExactly(lease.nonce());
        machines().releaseLease(m.id(), lease);
        assertThat(machines().acquireLease(m.id(), Duration.ofSeconds(30), "next").nonce()).isNotEqualTo(lease.nonce());
    }

    @Test
    void start_stop_and_destroy_with_force() {
        Machine m = stopped();
        machines().start(m.id(), null);
        machines().stop(m.id(), null);

        assertThat(machines().destroy(m.id(), true, null)).isTrue();
        assertThat(machines().get(m.id()).isGone()).isTrue();
        assertThat(machines().list(false, Map.of())).isEmpty();
        assertThat(machines().list(true, Map.of())).hasSize(1);
    }

    @Test
    void an_unknown_machine_state_is_kept_as_sent() {
        Machine m = stopped();
        emulator.faults().script("GET", "/v1/apps/*/machines/*",
                Fault.status(200, "{\"id\":\"" + m.id() + "\",\"state\":\"hibernating\",\"future\":1}"));

        assertThat(machines().get(m.id()).state()).isEqualTo("hibernating");
    }

    @Test
    void logs_are_read_page_by_page_and_a_token_continues_after_the_last_line() {
        Machine m = stopped();

        LogPage all = fly.logs(APP).drain(m.id(), null);
        LogPage none = fly.logs(APP).drain(m.id(), all.nextToken());

        assertThat(all.lines()).isNotEmpty().last().satisfies(l -> assertThat(l.message()).isEqualTo("[flaude:exit:0]"));
        assertThat(all.lines()).allSatisfy(l -> assertThat(l.instance()).isEqualTo(m.id()));
        assertThat(none.lines()).isEmpty();
    }
}

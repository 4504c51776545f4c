package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.agent.internal.LeaseHolders;
import io.flaude.agent.internal.MachineHold;
import io.flaude.fly.HeldLease;
import io.flaude.fly.Lease;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a destroy meets on a machine a turn holds: a wait for the release, then a clear refusal. */
class MachineHoldTest extends AgentTestBase {
    private Machine machine() {
        return fly.machines(APP).create(MachineConfig.builder("alpine").build(), "iad");
    }

    @Test
    void a_lease_a_live_turn_keeps_past_the_wait_is_refused_with_its_holder_never_a_raw_409() {
        Machine m = machine();
        Lease turn =
                fly.machines(APP).acquireLease(m.id(), Duration.ofSeconds(30), LeaseHolders.of("turn of session s"));

        assertThatThrownBy(() ->
                        MachineHold.take(fly.machines(APP), "s", m.id(), "destroy the session", Duration.ofMillis(300)))
                .isInstanceOf(SessionBusyException.class)
                .hasMessageContaining("a turn is running")
                .hasMessageContaining("flaude turn of session s (pid "
                        + ProcessHandle.current().pid())
                .hasMessageEndingWith("destroy the session when the turn ends");
        fly.machines(APP).releaseLease(turn);
    }

    @Test
    void a_lease_released_during_the_wait_is_taken_at_once() throws Exception {
        Machine m = machine();
        Lease turn = fly.machines(APP).acquireLease(m.id(), Duration.ofSeconds(30), "a turn");
        Thread.ofVirtual().start(() -> fly.machines(APP).releaseLease(turn));

        Optional<HeldLease> held = MachineHold.take(fly.machines(APP), "s", m.id(), "destroy", Duration.ofSeconds(30));

        assertThat(held).isPresent();
        held.get().close();
    }

    @Test
    void a_machine_that_is_gone_has_nothing_to_hold() {
        Machine m = machine();
        emulator.loseMachineForTest(APP, m.id());

        assertThat(MachineHold.take(fly.machines(APP), "s", m.id(), "destroy", Duration.ofSeconds(30)))
                .isEmpty();
    }
}

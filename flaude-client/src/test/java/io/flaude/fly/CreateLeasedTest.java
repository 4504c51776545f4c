package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A machine leased from its birth (Fly's {@code lease_ttl}): the mark of live work others can see and must respect. */
class CreateLeasedTest extends EmulatorTestBase {
    private static final Duration TTL = Duration.ofSeconds(15);

    private LeasedMachine created() {
        return fly.machines(APP)
                .createLeased(MachineConfig.builder("alpine").build(), "iad", TTL, "flaude test (pid 1)");
    }

    @Test
    void a_machine_created_leased_carries_a_lease_others_see_and_cannot_pass() {
        LeasedMachine made = created();

        assertThat(fly.machines(APP).findLease(made.machine().id())).isPresent();
        assertThatThrownBy(() -> fly.machines(APP).stop(made.machine().id())).isInstanceOf(FlyConflictException.class);
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines/*/lease"))
                .as("no request besides the create")
                .isEmpty();
        made.lease().close();
    }

    @Test
    void the_holder_destroys_its_leased_machine_with_the_nonce_and_sends_no_release_after() {
        LeasedMachine made = created();

        assertThat(fly.machines(APP)
                        .leased(made.lease().lease())
                        .destroy(made.machine().id(), true))
                .isTrue();
        made.lease().machineGone();
        made.lease().close();

        assertThat(fly.machines(APP).get(made.machine().id()).isGone()).isTrue();
        assertThat(emulator.journal().matching("DELETE", "/v1/apps/*/machines/*/lease"))
                .isEmpty();
    }

    @Test
    void a_leased_create_whose_answer_was_lost_is_adopted_with_its_lease() {
        emulator.faults().script("POST", "/v1/apps/*/machines", Fault.dropAfterApplying());

        LeasedMachine made = created();

        assertThat(fly.machines(APP).list()).singleElement().satisfies(m -> assertThat(m.id())
                .isEqualTo(made.machine().id()));
        assertThat(made.lease()).as("the nonce is read back").isNotNull();
        assertThat(fly.machines(APP)
                        .leased(made.lease().lease())
                        .destroy(made.machine().id(), true))
                .isTrue();
        made.lease().close();
    }
}

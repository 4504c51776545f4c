package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.fly.internal.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A held lease lives on the client's clock: refreshed at half its TTL, released on close or after a linger. */
class HeldLeaseTest extends EmulatorTestBase {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final TestClock clock = new TestClock();
    private FlyClient onClock;
    private Machine machine;
    private HeldLease held;

    /** A stopped machine, and a lease on it held by a client on the test clock (its keeper waiting). */
    @BeforeEach
    void hold() {
        onClock = client().clock(clock).build();
        machine = onClock.machines(APP).create(MachineConfig.builder("alpine").build(), "iad");
        onClock.machines(APP).stop(machine.id());
        held = onClock.machines(APP).hold(onClock.machines(APP).acquireLease(machine.id(), TTL, "test"), TTL);
        clock.awaitWaiting(1);
    }

    @AfterEach
    void release() {
        held.close();
        onClock.close();
    }

    private long refreshes() {
        return emulator.journal().matching("POST", "/v1/apps/*/machines/" + machine.id() + "/lease").stream()
                .filter(e -> e.requestHeaders().containsKey("fly-machine-lease-nonce"))
                .count();
    }

    @Test
    void a_held_lease_is_refreshed_at_half_its_ttl_and_released_on_close() {
        clock.advance(Duration.ofSeconds(14));
        long early = refreshes();
        clock.advance(Duration.ofSeconds(2));

        assertThat(early).isZero();
        assertThat(refreshes()).isEqualTo(1);
        held.close();
        assertThat(fly.machines(APP).findLease(machine.id())).isEmpty();
    }

    @Test
    void a_lingering_lease_is_released_when_the_linger_ends() {
        held.linger(Duration.ofSeconds(2));
        clock.awaitWaitingWithin(Duration.ofSeconds(2)); // the keeper took the linger in
        clock.advance(Duration.ofSeconds(1));
        assertThat(fly.machines(APP).findLease(machine.id())).isPresent();
        clock.advance(Duration.ofSeconds(1));

        assertThat(fly.machines(APP).findLease(machine.id())).isEmpty();
        assertThat(held.reclaim(Duration.ZERO)).isEmpty();
    }

    @Test
    void a_lease_reclaimed_during_its_linger_is_kept_and_refreshed_again() {
        held.linger(Duration.ofSeconds(2));

        assertThat(held.reclaim(Duration.ofSeconds(5))).containsSame(held);
        clock.advance(Duration.ofSeconds(16));

        assertThat(fly.machines(APP).findLease(machine.id())).isPresent();
        assertThat(refreshes()).isEqualTo(1);
    }
}

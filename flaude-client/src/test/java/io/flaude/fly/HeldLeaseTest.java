package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.fly.internal.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A held lease lives on the client's clock: refreshed at half its TTL, released on close or after a linger. */
class HeldLeaseTest extends EmulatorTestBase {
    private static final Duration TTL = Duration.ofSeconds(30);

    private Machine stopped(FlyClient fly) {
        Machine m = fly.machines(APP).create(MachineConfig.builder("alpine").build(), "iad");
        fly.machines(APP).stop(m.id());
        return m;
    }

    private long refreshes(String machineId) {
        return emulator.journal().matching("POST", "/v1/apps/*/machines/" + machineId + "/lease").stream()
                .filter(e -> e.requestHeaders().containsKey("fly-machine-lease-nonce"))
                .count();
    }

    @Test
    void a_held_lease_is_refreshed_at_half_its_ttl_and_released_on_close() {
        TestClock clock = new TestClock();
        try (FlyClient fly = client().clock(clock).build()) {
            Machine m = stopped(fly);
            HeldLease held = fly.machines(APP).hold(fly.machines(APP).acquireLease(m.id(), TTL, "test"), TTL);
            clock.awaitWaiting(1);

            clock.advance(Duration.ofSeconds(14));
            long early = refreshes(m.id());
            clock.advance(Duration.ofSeconds(2));

            assertThat(early).isZero();
            assertThat(refreshes(m.id())).isEqualTo(1);
            held.close();
            assertThat(fly.machines(APP).findLease(m.id())).isEmpty();
        }
    }

    @Test
    void a_lingering_lease_is_released_when_the_linger_ends() {
        TestClock clock = new TestClock();
        try (FlyClient fly = client().clock(clock).build()) {
            Machine m = stopped(fly);
            HeldLease held = fly.machines(APP).hold(fly.machines(APP).acquireLease(m.id(), TTL, "test"), TTL);
            clock.awaitWaiting(1);

            held.linger(Duration.ofSeconds(2));
            clock.advance(Duration.ofSeconds(1));
            assertThat(fly.machines(APP).findLease(m.id())).isPresent();
            clock.advance(Duration.ofSeconds(1));

            assertThat(fly.machines(APP).findLease(m.id())).isEmpty();
            assertThat(held.reclaim(Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void a_lease_reclaimed_during_its_linger_is_kept_and_refreshed_again() {
        TestClock clock = new TestClock();
        try (FlyClient fly = client().clock(clock).build()) {
            Machine m = stopped(fly);
            HeldLease held = fly.machines(APP).hold(fly.machines(APP).acquireLease(m.id(), TTL, "test"), TTL);
            clock.awaitWaiting(1);
            held.linger(Duration.ofSeconds(2));

            assertThat(held.reclaim(Duration.ofSeconds(5))).containsSame(held);
            clock.advance(Duration.ofSeconds(16));

            assertThat(fly.machines(APP).findLease(m.id())).isPresent();
            assertThat(refreshes(m.id())).isEqualTo(1);
            held.close();
        }
    }
}

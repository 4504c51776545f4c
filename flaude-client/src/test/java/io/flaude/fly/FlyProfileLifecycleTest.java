package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Profile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The seed's whole volume lifecycle against an emulator as slow and as strict as Fly (20-80 ms per
 * request, Fly's rate limits), through the client with {@link RetryPolicy#standard()}.
 */
class FlyProfileLifecycleTest extends EmulatorTestBase {

    @Test
    void the_seed_volume_lifecycle_succeeds_under_flys_latency_and_rate_limits() {
        emulator.conditions().profile(Profile.FLY).seed(11);

        try (FlyClient fly = client().retryPolicy(RetryPolicy.standard()).build()) {
            Volumes volumes = fly.volumes(APP);
            Volume v = volumes.create();
            assertThat(v.name()).isEqualTo("flaude_session");
            assertThat(volumes.list()).extracting(Volume::id).containsExactly(v.id());
            assertThat(volumes.get(v.id()).sizeGb()).isEqualTo(1);
            assertThat(volumes.extend(v.id(), 2).volume().sizeGb()).isEqualTo(2);
            volumes.createSnapshot(v.id());
            assertThat(volumes.snapshots(v.id())).hasSize(1);
            Volume fork = volumes.fork(v.id());
            assertThat(volumes.waitFor(fork.id(), VolumeState.CREATED, Duration.ofSeconds(30))
                            .state())
                    .isEqualTo(VolumeState.CREATED);
            assertThat(volumes.destroy(v.id())).isTrue();
            assertThat(volumes.destroy(v.id())).isFalse();
            assertThat(volumes.destroy(fork.id())).isTrue();
        }
        assertThat(emulator.liveResources()).isEmpty();
        assertThat(emulator.journal().exchanges())
                .allSatisfy(e -> assertThat(e.status()).isNotZero());
    }
}

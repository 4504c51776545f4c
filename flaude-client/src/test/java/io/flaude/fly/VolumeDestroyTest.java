package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VolumeDestroyTest extends EmulatorTestBase {

    @Test
    void destroy_deletes_the_volume_and_says_so() {
        Volume v = volumes().create();

        assertThat(volumes().destroy(v.id())).isTrue();

        assertThat(emulator.journal().last().method()).isEqualTo("DELETE");
        assertThat(volumes().get(v.id()).isGone()).isTrue();
    }

    @Test
    void a_404_means_already_gone_and_is_success_logged_at_debug() {
        try (LogCapture logs = LogCapture.of(Volumes.class)) {
            assertThat(volumes().destroy("vol_doesnotexist0000")).isFalse();

            assertThat(logs.debugLines()).containsExactly("Volume vol_doesnotexist0000 already gone (404)");
        }
    }

    @Test
    void destroying_twice_is_success_both_times() {
        Volume v = volumes().create();

        assertThat(volumes().destroy(v.id())).isTrue();
        assertThat(volumes().destroy(v.id())).isFalse();
    }

    @Test
    void other_errors_are_raised() {
        Volume v = volumes().create();
        emulator.faults().script("DELETE", "/v1/apps/*/volumes/*", Fault.status(422, "{\"error\":\"unprocessable\"}"));

        assertThatThrownBy(() -> volumes().destroy(v.id())).isInstanceOfSatisfying(FlyApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(422);
            assertThat(e.detail()).isEqualTo("unprocessable");
        });
    }

    @Test
    void a_bound_volume_raises_volume_bound_naming_the_machine() {
        Volume v = volumes().create();
        emulator.attachVolumeForTest(APP, v.id(), "3d8d413b29d089");

        assertThatThrownBy(() -> volumes().destroy(v.id())).isInstanceOfSatisfying(FlyVolumeBoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(412);
            assertThat(e.machineId()).contains("3d8d413b29d089");
            assertThat(e).isInstanceOf(FlyConflictException.class);
        });
    }

    @Test
    void waiting_for_detach_retries_until_the_machine_lets_go() throws Exception {
        Volume v = volumes().create();
        emulator.attachVolumeForTest(APP, v.id(), "3d8d413b29d089");
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> emulator.detachVolumeForTest(APP, v.id()), 600, TimeUnit.MILLISECONDS);

            assertThat(volumes().destroy(v.id(), Duration.ofSeconds(10))).isTrue();
        } finally {
            later.shutdownNow();
        }
        assertThat(emulator.journal().matching("DELETE", "/v1/apps/*/volumes/*").size())
                .isGreaterThan(1);
    }

    @Test
    void waiting_for_detach_gives_up_at_the_deadline_with_the_412() {
        Volume v = volumes().create();
        emulator.attachVolumeForTest(APP, v.id(), "3d8d413b29d089");

        assertThatThrownBy(() -> volumes().destroy(v.id(), Duration.ofMillis(400)))
                .isInstanceOf(FlyVolumeBoundException.class);
        assertThat(volumes().get(v.id()).state()).isEqualTo(VolumeState.CREATED);
    }
}

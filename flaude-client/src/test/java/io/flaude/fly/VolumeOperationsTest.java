package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VolumeOperationsTest extends EmulatorTestBase {

    @Test
    void get_returns_the_volume_and_find_is_empty_for_an_unknown_id() {
        Volume v = volumes().create();

        assertThat(volumes().get(v.id())).isEqualTo(v);
        assertThat(volumes().find("vol_unknown000000000")).isEmpty();
        assertThatThrownBy(() -> volumes().get("vol_unknown000000000")).isInstanceOf(FlyNotFoundException.class);
    }

    @Test
    void update_changes_retention_and_backups_with_put() {
        Volume v = volumes().create();

        Volume updated = volumes().update(v.id(), new VolumeUpdate(14, false));

        assertThat(emulator.journal().last().method()).isEqualTo("PUT");
        assertThat(emulator.journal().last().requestBody())
                .isEqualTo("{\"snapshot_retention\":14,\"auto_backup_enabled\":false}");
        assertThat(updated.snapshotRetention()).isEqualTo(14);
        assertThat(updated.autoBackupEnabled()).isFalse();
    }

    @Test
    void update_sends_only_the_settings_given() {
        Volume v = volumes().create();

        volumes().update(v.id(), new VolumeUpdate(null, true));

        assertThat(emulator.journal().last().requestBody()).isEqualTo("{\"auto_backup_enabled\":true}");
    }

    @Test
    void extend_grows_to_the_new_total_and_reports_needs_restart() {
        Volume v = volumes().create();

        ExtendedVolume r = volumes().extend(v.id(), 5);

        assertThat(emulator.journal().last().path()).endsWith("/" + v.id() + "/extend");
        assertThat(r.volume().sizeGb()).isEqualTo(5);
        assertThat(r.needsRestart()).isFalse();
    }

    @Test
    void extend_of_an_attached_volume_needs_a_restart() {
        Volume v = volumes().create();
        emulator.attachVolumeForTest(APP, v.id(), "3d8d413b29d089");

        assertThat(volumes().extend(v.id(), 2).needsRestart()).isTrue();
    }

    @Test
    void extend_cannot_shrink_and_fly_says_why() {
        Volume v = volumes().create(VolumeSpec.builder().sizeGb(3).build());

        assertThatThrownBy(() -> volumes().extend(v.id(), 2)).isInstanceOfSatisfying(FlyApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.detail()).contains("greater than");
        });
    }

    @Test
    void a_snapshot_taken_appears_in_the_list() {
        Volume v = volumes().create(VolumeSpec.builder().sizeGb(2).build());

        volumes().createSnapshot(v.id());

        assertThat(volumes().snapshots(v.id())).singleElement().satisfies(s -> {
            assertThat(s.id()).startsWith("vs_");
            assertThat(s.volumeSizeGb()).isEqualTo(2);
            assertThat(s.createdAt()).isNotNull();
        });
    }

    @Test
    void waiting_for_a_state_that_never_comes_times_out_with_the_last_state() {
        Volume v = volumes().create();

        assertThatThrownBy(() -> volumes().waitFor(v.id(), VolumeState.EXTENDING, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(FlyTimeoutException.class, e -> {
                    assertThat(e.lastSeen(Volume.class)).hasValueSatisfying(last -> {
                        assertThat(last.id()).isEqualTo(v.id());
                        assertThat(last.state()).isEqualTo(VolumeState.CREATED);
                    });
                    assertThat(e.lastSeen(Machine.class)).isEmpty();
                    assertThat(e.attempts()).isGreaterThan(1);
                    assertThat(e.getMessage())
                            .contains(v.id())
                            .contains("extending")
                            .contains("created");
                });
    }

    @Test
    void waiting_for_detach_returns_once_no_machine_holds_the_volume() {
        Volume v = volumes().create();

        assertThat(volumes().waitForDetach(v.id(), Duration.ofSeconds(1)).isAttached())
                .isFalse();
    }
}

package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets a clear message and costs no request. */
class ValidationTest extends EmulatorTestBase {

    private void refused(Executable call, String... messageParts) {
        assertThatThrownBy(call::execute)
                .isInstanceOf(FlyValidationException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
        assertThat(requests()).as("requests sent").isEmpty();
    }

    @Test
    void a_volume_name_with_a_dash_is_refused() {
        refused(
                () -> volumes().create(VolumeSpec.builder().name("my-vol").build()),
                "invalid volume name 'my-vol'",
                "underscores");
    }

    @Test
    void a_volume_name_over_30_characters_is_refused() {
        refused(() -> volumes().create(VolumeSpec.builder().name("a".repeat(31)).build()), "1-30");
    }

    @Test
    void a_region_that_is_not_a_fly_code_is_refused() {
        refused(() -> volumes().create(VolumeSpec.builder().region("us-east-1").build()), "invalid region 'us-east-1'");
    }

    @Test
    void sizes_outside_1_to_500_gb_are_refused() {
        refused(() -> volumes().create(VolumeSpec.builder().sizeGb(0).build()), "invalid volume size 0 GB", "1-500 GB");
        refused(() -> volumes().create(VolumeSpec.builder().sizeGb(501).build()), "501 GB");
        refused(() -> volumes().extend("vol_abcdefgh12345678", 501), "1-500 GB");
    }

    @Test
    void retention_outside_1_to_60_days_is_refused() {
        refused(
                () -> volumes()
                        .create(VolumeSpec.builder().snapshotRetention(61).build()),
                "snapshot retention 61 days");
        refused(() -> volumes().update("vol_abcdefgh12345678", new VolumeUpdate(0, null)), "1-60 days");
    }

    @Test
    void a_bad_app_name_is_refused_when_the_handle_is_made() {
        refused(() -> fly.volumes("My_App"), "invalid app name 'My_App'");
        refused(() -> fly.volumes(null), "(none)");
    }

    @Test
    void a_malformed_volume_id_is_refused() {
        refused(() -> volumes().get("../apps"), "invalid volume id");
        refused(() -> volumes().destroy("vol_a/b"), "invalid volume id");
    }

    @Test
    void a_bad_fstype_or_snapshot_id_is_refused() {
        refused(() -> volumes().create(VolumeSpec.builder().fstype("xfs").build()), "ext4 or raw");
        refused(() -> volumes().restore("snap-1", VolumeSpec.defaults()), "invalid snapshot id");
    }
}

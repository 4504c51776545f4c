package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Fault;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How Fly's volume JSON becomes a {@link Volume}: the seed's defaults, tolerance of what is new. */
class VolumeParsingTest extends EmulatorTestBase {

    private Volume answer(String json) {
        emulator.faults().script("GET", "/v1/apps/*/volumes/*", Fault.status(200, json));
        return volumes().get("vol_abcdefgh12345678");
    }

    @Test
    void missing_name_region_size_and_state_get_the_seed_defaults() {
        Volume v = answer("{\"id\":\"vol_abcdefgh12345678\"}");

        assertThat(v.name()).isEmpty();
        assertThat(v.region()).isEmpty();
        assertThat(v.sizeGb()).isZero();
        assertThat(v.state()).isEqualTo(VolumeState.UNKNOWN);
        assertThat(v.stateAsString()).isEqualTo("unknown");
        assertThat(v.appName()).isEqualTo(APP);
        assertThat(v.zone()).isNull();
        assertThat(v.encrypted()).isNull();
    }

    @Test
    void unknown_fields_are_ignored_and_unknown_states_kept() {
        Volume v = answer("{\"id\":\"vol_abcdefgh12345678\",\"state\":\"teleporting\",\"future_field\":{\"x\":1},"
                + "\"host_dedication_key\":\"\"}");

        assertThat(v.state()).isEqualTo(VolumeState.UNKNOWN);
        assertThat(v.stateAsString()).isEqualTo("teleporting");
        assertThat(v.isGone()).isFalse();
        assertThat(v.isUsable()).isFalse();
    }

    @Test
    void null_attachment_means_unattached_and_a_machine_id_means_attached() {
        assertThat(answer("{\"id\":\"vol_abcdefgh12345678\",\"attached_machine_id\":null}")
                        .isAttached())
                .isFalse();
        assertThat(answer("{\"id\":\"vol_abcdefgh12345678\",\"attached_machine_id\":\"3d8d413b29d089\"}")
                        .isAttached())
                .isTrue();
    }

    @Test
    void every_documented_field_is_read() {
        Volume v = answer("{\"id\":\"vol_abcdefgh12345678\",\"name\":\"data\",\"state\":\"created\",\"size_gb\":3,"
                + "\"region\":\"ord\",\"zone\":\"09cd\",\"encrypted\":true,\"attached_machine_id\":null,"
                + "\"attached_alloc_id\":null,\"created_at\":\"2023-09-01T19:47:14.774Z\",\"blocks\":10,"
                + "\"block_size\":4096,\"blocks_free\":9,\"blocks_avail\":8,\"bytes_total\":40960,\"bytes_used\":4096,"
                + "\"fstype\":\"ext4\",\"snapshot_retention\":5,\"auto_backup_enabled\":true,\"host_status\":\"ok\"}");

        assertThat(v)
                .isEqualTo(new Volume(
                        "vol_abcdefgh12345678",
                        "data",
                        "ord",
                        3,
                        APP,
                        "created",
                        "09cd",
                        true,
                        null,
                        null,
                        Instant.parse("2023-09-01T19:47:14.774Z"),
                        "ext4",
                        5,
                        true,
                        "ok",
                        10L,
                        4096L,
                        9L,
                        8L,
                        40960L,
                        4096L));
    }

    @Test
    void destroyed_states_from_fly_and_its_go_client_count_as_gone() {
        for (String state : new String[] {
            "scheduling_destroy", "fork_cleanup", "waiting_for_detach", "pending_destroy", "destroying", "destroyed"
        }) {
            assertThat(answer("{\"id\":\"vol_abcdefgh12345678\",\"state\":\"" + state + "\"}")
                            .isGone())
                    .as(state)
                    .isTrue();
        }
    }
}

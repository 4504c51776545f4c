package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeListTest extends EmulatorTestBase {

    @Test
    void list_returns_every_volume_in_every_state_like_the_seed() {
        Volume kept = volumes().create();
        Volume destroyed = volumes().create();
        volumes().destroy(destroyed.id());

        List<Volume> all = volumes().list();

        assertThat(all).extracting(Volume::id).containsExactly(kept.id(), destroyed.id());
        assertThat(all).extracting(Volume::state).containsExactly(VolumeState.CREATED, VolumeState.PENDING_DESTROY);
        assertThat(all).allSatisfy(v -> assertThat(v.appName()).isEqualTo(APP));
    }

    @Test
    void list_live_leaves_out_destroyed_volumes() {
        Volume kept = volumes().create();
        volumes().destroy(volumes().create().id());

        assertThat(volumes().list(VolumeListOptions.LIVE))
                .extracting(Volume::id)
                .containsExactly(kept.id());
    }

    @Test
    void an_empty_body_is_an_empty_list() {
        emulator.faults().script("GET", "/v1/apps/*/volumes", Fault.status(200, ""));

        assertThat(volumes().list()).isEmpty();
    }

    @Test
    void a_body_that_is_not_an_array_is_an_invalid_response_not_an_empty_list() {
        emulator.faults().script("GET", "/v1/apps/*/volumes", Fault.status(200, "{\"volumes\":[]}"));

        assertThatThrownBy(() -> volumes().list()).isInstanceOfSatisfying(FlyInvalidResponseException.class, e -> {
            assertThat(e.getMessage()).contains("list-volumes").contains("expected a JSON array");
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.method()).isEqualTo("GET");
        });
    }

    @Test
    void pages_are_followed_through_fly_next_cursor() {
        for (int i = 0; i < 5; i++) {
            volumes().create();
        }
        emulator.journal().clear();

        List<Volume> all = volumes().list(new VolumeListOptions(false, false, 2));

        assertThat(all).hasSize(5).extracting(Volume::id).doesNotHaveDuplicates();
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/volumes"))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.query()).contains("limit=2"));
    }

    @Test
    void summary_asks_fly_to_leave_out_the_block_figures() {
        volumes().create();

        Volume v = volumes().list(new VolumeListOptions(false, true, 0)).get(0);

        assertThat(emulator.journal().last().query()).isEqualTo("summary=true");
        assertThat(v.blocks()).isNull();
        assertThat(volumes().list().get(0).blocks()).isNotNull();
    }
}

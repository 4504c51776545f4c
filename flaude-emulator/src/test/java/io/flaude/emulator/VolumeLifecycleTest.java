package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VolumeLifecycleTest extends EmulatorTestBase {
    private String id;
    private String path;

    @BeforeEach
    void createVolume() {
        api.createApp("my-app");
        id = api.createVolume("my-app");
        path = "/v1/apps/my-app/volumes/" + id;
    }

    @Test
    void get_answers_the_volume_as_created() {
        var response = api.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("id").stringValue()).isEqualTo(id);
        assertThat(Api.json(response).get("state").stringValue()).isEqualTo("created");
    }

    @Test
    void get_of_an_unknown_volume_gets_404_volume_not_found() {
        var response = api.get("/v1/apps/my-app/volumes/vol_0000000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("volume not found");
    }

    @Test
    void a_volume_is_not_found_through_another_app() {
        api.createApp("other-app");

        assertThat(api.get("/v1/apps/other-app/volumes/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void update_changes_only_snapshot_retention_and_auto_backup() {
        var response = api.put(
                path, "{\"snapshot_retention\":30,\"auto_backup_enabled\":false,\"size_gb\":50,\"name\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode volume = Api.json(response);
        assertThat(volume.get("snapshot_retention").intValue()).isEqualTo(30);
        assertThat(volume.get("auto_backup_enabled").booleanValue()).isFalse();
        assertThat(volume.get("size_gb").intValue()).isEqualTo(3);
        assertThat(volume.get("name").stringValue()).isEqualTo("data");
        assertThat(Api.json(api.get(path)).get("snapshot_retention").intValue()).isEqualTo(30);
    }

    @Test
    void update_with_nulls_changes_nothing() {
        var response = api.put(path, "{\"snapshot_retention\":null,\"auto_backup_enabled\":null}");

        assertThat(Api.json(response).get("snapshot_retention").intValue()).isEqualTo(5);
        assertThat(Api.json(response).get("auto_backup_enabled").booleanValue()).isTrue();
    }

    @Test
    void update_with_a_retention_outside_1_to_60_gets_400() {
        assertThat(api.put(path, "{\"snapshot_retention\":0}").statusCode()).isEqualTo(400);
        assertThat(api.put(path, "{\"snapshot_retention\":61}").statusCode()).isEqualTo(400);
    }

    @Test
    void delete_answers_200_with_the_volume_now_pending_destroy() {
        var response = api.delete(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("id").stringValue()).isEqualTo(id);
        assertThat(Api.json(response).get("state").stringValue()).isEqualTo("pending_destroy");
        assertThat(Api.json(api.get(path)).get("state").stringValue()).isEqualTo("pending_destroy");
    }

    @Test
    void a_second_delete_gets_404_volume_not_found() {
        api.delete(path);

        var response = api.delete(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("volume not found");
    }

    @Test
    void deleting_a_volume_bound_to_a_machine_gets_412_until_it_is_detached() {
        fly.attachVolumeForTest("my-app", id, "148e21ea7e1e89");

        var refused = api.delete(path);

        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(Api.json(refused).get("error").stringValue())
                .isEqualTo("failed_precondition: volume is currently bound to machine: 148e21ea7e1e89");
        assertThat(Api.json(api.get(path)).get("attached_machine_id").stringValue())
                .isEqualTo("148e21ea7e1e89");
        fly.detachVolumeForTest("my-app", id);
        assertThat(api.delete(path).statusCode()).isEqualTo(200);
    }

    @Test
    void attaching_an_unknown_volume_for_a_test_is_refused() {
        assertThatThrownBy(() -> fly.attachVolumeForTest("my-app", "vol_nope", "m1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extend_grows_the_volume_and_needs_no_restart_when_unattached() {
        var response = api.put(path + "/extend", "{\"size_gb\":10}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Api.json(response);
        assertThat(body.get("needs_restart").booleanValue()).isFalse();
        assertThat(body.get("volume").get("size_gb").intValue()).isEqualTo(10);
        assertThat(body.get("volume").get("bytes_total").longValue()).isEqualTo(10L << 30);
        assertThat(Api.json(api.get(path)).get("size_gb").intValue()).isEqualTo(10);
    }

    @Test
    void extend_of_an_attached_volume_needs_a_restart() {
        fly.attachVolumeForTest("my-app", id, "148e21ea7e1e89");

        assertThat(Api.json(api.put(path + "/extend", "{\"size_gb\":4}"))
                        .get("needs_restart")
                        .booleanValue())
                .isTrue();
    }

    @Test
    void extend_to_the_same_or_a_smaller_size_gets_400() {
        var same = api.put(path + "/extend", "{\"size_gb\":3}");

        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(Api.json(same).get("error").stringValue())
                .isEqualTo("invalid_argument: new size must be greater than the current size (3 GB)");
        assertThat(api.put(path + "/extend", "{\"size_gb\":1}").statusCode()).isEqualTo(400);
    }

    @Test
    void extend_beyond_500_gb_gets_400() {
        assertThat(api.put(path + "/extend", "{\"size_gb\":501}").statusCode()).isEqualTo(400);
    }

    @Test
    void extend_of_a_soft_deleted_volume_gets_404() {
        api.delete(path);

        assertThat(api.put(path + "/extend", "{\"size_gb\":10}").statusCode()).isEqualTo(404);
    }
}

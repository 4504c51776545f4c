package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@FlyEmulatorTest(forkHydrationDelayMs = 150, restoreDelayMs = 150)
class ForkAndRestoreTest extends EmulatorTestBase {
    private static final String VOLUMES = "/v1/apps/my-app/volumes";
    private String source;

    @BeforeEach
    void createSource() {
        api.createApp("my-app");
        source = api.createVolume("my-app", "{\"name\":\"data\",\"region\":\"ord\",\"size_gb\":5}")
                .get("id")
                .stringValue();
    }

    @Test
    void a_fork_is_hydrating_then_created_with_the_source_size() {
        JsonNode fork = api.createVolume(
                "my-app", "{\"name\":\"data\",\"region\":\"ord\",\"source_volume_id\":\"" + source + "\"}");

        assertThat(fork.get("state").stringValue()).isEqualTo("hydrating");
        assertThat(fork.get("size_gb").intValue()).isEqualTo(5);
        assertThat(fork.get("id").stringValue()).isNotEqualTo(source);
        api.awaitVolumeState("my-app", fork.get("id").stringValue(), "created");
    }

    @Test
    void a_fork_smaller_than_its_source_gets_400() {
        var response = api.post(
                VOLUMES,
                "{\"name\":\"data\",\"region\":\"ord\",\"size_gb\":4,\"source_volume_id\":\"" + source + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("error").stringValue()).startsWith("invalid_argument: ");
    }

    @Test
    void a_fork_of_an_unknown_or_soft_deleted_volume_gets_404_volume_not_found() {
        api.delete(VOLUMES + "/" + source);

        for (String id : new String[] {source, "vol_0000000000000000"}) {
            var response =
                    api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"ord\",\"source_volume_id\":\"" + id + "\"}");
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(Api.json(response).get("error").stringValue()).isEqualTo("volume not found");
        }
    }

    @Test
    void a_restore_is_restoring_then_created_with_the_snapshot_size() {
        String snapshot = takeSnapshot();

        JsonNode restored = api.createVolume(
                "my-app", "{\"name\":\"restored\",\"region\":\"ord\",\"snapshot_id\":\"" + snapshot + "\"}");

        assertThat(restored.get("state").stringValue()).isEqualTo("restoring");
        assertThat(restored.get("size_gb").intValue()).isEqualTo(5);
        api.awaitVolumeState("my-app", restored.get("id").stringValue(), "created");
    }

    @Test
    void a_restore_may_be_larger_but_not_smaller_than_the_snapshots_source_volume() {
        String snapshot = takeSnapshot();

        var smaller = api.post(
                VOLUMES, "{\"name\":\"r\",\"region\":\"ord\",\"size_gb\":4,\"snapshot_id\":\"" + snapshot + "\"}");
        var larger = api.post(
                VOLUMES, "{\"name\":\"r\",\"region\":\"ord\",\"size_gb\":8,\"snapshot_id\":\"" + snapshot + "\"}");

        assertThat(smaller.statusCode()).isEqualTo(400);
        assertThat(Api.json(smaller).get("error").stringValue())
                .startsWith("invalid_argument: ")
                .contains("smaller than the snapshot's source volume");
        assertThat(larger.statusCode()).isEqualTo(200);
        assertThat(Api.json(larger).get("size_gb").intValue()).isEqualTo(8);
    }

    @Test
    void a_restore_from_an_unknown_snapshot_gets_404_snapshot_not_found() {
        var response = api.post(VOLUMES, "{\"name\":\"r\",\"region\":\"ord\",\"snapshot_id\":\"vs_nope\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("snapshot not found");
    }

    private String takeSnapshot() {
        String snapshots = VOLUMES + "/" + source + "/snapshots";
        assertThat(api.post(snapshots, null).statusCode()).isEqualTo(200);
        return Api.json(api.get(snapshots)).get(0).get("id").stringValue();
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@FlyEmulatorTest(snapshotDelayMs = SnapshotTest.SNAPSHOT_DELAY_MS)
class SnapshotTest extends EmulatorTestBase {
    static final long SNAPSHOT_DELAY_MS = 150;
    private static final Duration SNAPSHOT_DELAY = Duration.ofMillis(SNAPSHOT_DELAY_MS);
    private String snapshots;

    @BeforeEach
    void createVolume() {
        api.createApp("my-app");
        String id = api.createVolume("my-app", "{\"name\":\"data\",\"region\":\"ord\",\"snapshot_retention\":7}")
                .get("id")
                .stringValue();
        snapshots = "/v1/apps/my-app/volumes/" + id + "/snapshots";
    }

    @Test
    void create_snapshot_answers_200_with_no_body() {
        var response = api.post(snapshots, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void a_new_snapshot_appears_in_the_list_after_the_snapshot_delay() {
        api.post(snapshots, null);

        assertThat(Api.json(api.get(snapshots)).size()).isZero();
        Api.sleep(SNAPSHOT_DELAY.plusMillis(50));
        assertThat(Api.json(api.get(snapshots)).size()).isEqualTo(1);
    }

    @Test
    void a_listed_snapshot_has_the_volume_snapshot_fields() {
        api.post(snapshots, null);
        Api.sleep(SNAPSHOT_DELAY.plusMillis(50));

        JsonNode snapshot = Api.json(api.get(snapshots)).get(0);

        assertThat(snapshot.get("id").stringValue()).matches("vs_[0-9A-Za-z]{22}");
        assertThat(snapshot.get("size").isIntegralNumber()).isTrue();
        assertThat(snapshot.get("volume_size").intValue()).isEqualTo(3);
        assertThat(snapshot.get("digest").stringValue()).matches("[0-9a-f]+");
        assertThat(Instant.parse(snapshot.get("created_at").stringValue())).isBeforeOrEqualTo(Instant.now());
        assertThat(snapshot.get("status").stringValue()).isEqualTo("created");
        assertThat(snapshot.get("retention_days").intValue()).isEqualTo(7);
    }

    @Test
    void snapshots_of_an_unknown_volume_get_404() {
        String unknown = "/v1/apps/my-app/volumes/vol_0000000000000000/snapshots";

        assertThat(api.post(unknown, null).statusCode()).isEqualTo(404);
        assertThat(api.get(unknown).statusCode()).isEqualTo(404);
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VolumeCreateTest extends EmulatorTestBase {
    private static final String VOLUMES = "/v1/apps/my-app/volumes";

    @BeforeEach
    void createApp() {
        api.createApp("my-app");
    }

    @Test
    void create_volume_answers_200_with_a_full_volume() {
        var response = api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"ord\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode volume = Api.json(response);
        assertThat(volume.get("id").stringValue()).matches("vol_[a-z0-9]{16}");
        assertThat(volume.get("name").stringValue()).isEqualTo("data");
        assertThat(volume.get("region").stringValue()).isEqualTo("ord");
        assertThat(volume.get("zone").stringValue()).matches("[0-9a-f]{4}");
        assertThat(volume.get("state").stringValue()).isEqualTo("created");
        assertThat(volume.get("host_status").stringValue()).isEqualTo("ok");
        assertThat(volume.get("type").stringValue()).isEqualTo("local");
        assertThat(volume.get("attached_machine_id").isNull()).isTrue();
        assertThat(volume.get("attached_alloc_id").isNull()).isTrue();
    }

    @Test
    void a_new_volume_gets_flys_defaults() {
        JsonNode volume = api.createVolume("my-app", "{\"name\":\"data\",\"region\":\"ord\"}");

        assertThat(volume.get("size_gb").intValue()).isEqualTo(3);
        assertThat(volume.get("encrypted").booleanValue()).isTrue();
        assertThat(volume.get("fstype").stringValue()).isEqualTo("ext4");
        assertThat(volume.get("snapshot_retention").intValue()).isEqualTo(5);
        assertThat(volume.get("auto_backup_enabled").booleanValue()).isTrue();
    }

    @Test
    void a_new_volume_reports_empty_blocks_consistent_with_its_size() {
        JsonNode volume = api.createVolume("my-app", "{\"name\":\"data\",\"region\":\"ord\",\"size_gb\":2}");

        long bytes = 2L << 30;
        assertThat(volume.get("block_size").intValue()).isEqualTo(4096);
        assertThat(volume.get("bytes_total").longValue()).isEqualTo(bytes);
        assertThat(volume.get("bytes_used").longValue()).isZero();
        assertThat(volume.get("blocks").longValue()).isEqualTo(bytes / 4096);
        assertThat(volume.get("blocks_free").longValue()).isEqualTo(bytes / 4096);
        assertThat(volume.get("blocks_avail").longValue()).isEqualTo(bytes / 4096);
    }

    @Test
    void created_at_is_rfc_3339_utc_with_milliseconds() {
        JsonNode volume = api.createVolume("my-app", "{\"name\":\"data\",\"region\":\"ord\"}");

        String createdAt = volume.get("created_at").stringValue();
        assertThat(createdAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Duration.between(Instant.parse(createdAt), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void explicit_settings_are_kept() {
        JsonNode volume = api.createVolume(
                "my-app",
                """
                {"name":"data","region":"fra","size_gb":10,"encrypted":false,"fstype":"raw",
                 "snapshot_retention":14,"auto_backup_enabled":false}""");

        assertThat(volume.get("size_gb").intValue()).isEqualTo(10);
        assertThat(volume.get("encrypted").booleanValue()).isFalse();
        assertThat(volume.get("fstype").stringValue()).isEqualTo("raw");
        assertThat(volume.get("snapshot_retention").intValue()).isEqualTo(14);
        assertThat(volume.get("auto_backup_enabled").booleanValue()).isFalse();
    }

    @Test
    void json_null_fields_count_as_absent_and_unknown_fields_are_ignored() {
        JsonNode volume = api.createVolume(
                "my-app",
                """
                {"name":"data","region":"ord","size_gb":null,"encrypted":null,"fstype":null,
                 "require_unique_zone":null,"snapshot_id":null,"source_volume_id":null,
                 "snapshot_retention":null,"auto_backup_enabled":null,"compute":null,
                 "compute_image":null,"unique_zone_app_wide":null,"machines_only":null,"surprise":42}""");

        assertThat(volume.get("size_gb").intValue()).isEqualTo(3);
        assertThat(volume.get("encrypted").booleanValue()).isTrue();
        assertThat(volume.get("snapshot_retention").intValue()).isEqualTo(5);
        assertThat(volume.get("state").stringValue()).isEqualTo("created");
    }

    @Test
    void a_missing_or_bad_volume_name_gets_400_invalid_argument() {
        for (String body : new String[] {
            "{\"region\":\"ord\"}",
            "{\"name\":\"\",\"region\":\"ord\"}",
            "{\"name\":\"Data\",\"region\":\"ord\"}",
            "{\"name\":\"my-data\",\"region\":\"ord\"}",
            "{\"name\":\"" + "a".repeat(31) + "\",\"region\":\"ord\"}"
        }) {
            var response = api.post(VOLUMES, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(Api.json(response).get("error").stringValue()).startsWith("invalid_argument: ");
        }
    }

    @Test
    void a_missing_region_gets_422_with_flys_message() {
        var response = api.post(VOLUMES, "{\"name\":\"data\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo(
                        "Region '' cannot host your machine. Please use an alternative region (see `fly platform regions`).");
    }

    @Test
    void an_unknown_region_gets_422_naming_it() {
        var response = api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"xyz\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Api.json(response).get("error").stringValue()).startsWith("Region 'xyz' cannot host your machine.");
    }

    @Test
    void a_size_outside_1_to_500_gb_gets_400() {
        for (int size : new int[] {0, -1, 501}) {
            var response = api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"ord\",\"size_gb\":" + size + "}");
            assertThat(response.statusCode()).as("size %d", size).isEqualTo(400);
        }
        assertThat(api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"ord\",\"size_gb\":500}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_snapshot_retention_outside_1_to_60_days_gets_400() {
        for (int days : new int[] {0, 61}) {
            var response =
                    api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"ord\",\"snapshot_retention\":" + days + "}");
            assertThat(response.statusCode()).as("retention %d", days).isEqualTo(400);
        }
    }

    @Test
    void an_fstype_other_than_ext4_or_raw_gets_400() {
        assertThat(api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"ord\",\"fstype\":\"xfs\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_field_of_the_wrong_type_gets_400() {
        assertThat(api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"ord\",\"size_gb\":\"big\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.post(VOLUMES, "{\"name\":\"data\",\"region\":\"ord\",\"size_gb\":1.5}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_body_that_is_not_a_json_object_gets_400_invalid_argument() {
        for (String body : new String[] {"{nope", "[]", "\"data\"", "", "{} {}"}) {
            var response = api.post(VOLUMES, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(Api.json(response).get("error").stringValue()).startsWith("invalid_argument: ");
        }
    }

    @Test
    void creating_a_volume_in_an_unknown_app_gets_404_app_not_found() {
        var response = api.post("/v1/apps/ghost/volumes", "{\"name\":\"data\",\"region\":\"ord\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("app not found");
    }

    @Test
    void volumes_of_the_same_name_land_in_distinct_zones() {
        var zones = new HashSet<String>();
        for (int i = 0; i < 20; i++) {
            zones.add(api.createVolume("my-app", "{\"name\":\"data\",\"region\":\"ord\"}")
                    .get("zone")
                    .stringValue());
        }

        assertThat(zones).hasSize(20);
    }
}

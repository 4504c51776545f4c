package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Exchange;
import io.flaude.emulator.Fault;
import org.junit.jupiter.api.Test;

class VolumeCreateTest extends EmulatorTestBase {

    @Test
    void create_with_no_options_posts_exactly_the_seed_body() {
        volumes().create();

        Exchange post = emulator.journal().last();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/v1/apps/test-app/volumes");
        assertThat(post.requestBody()).isEqualTo("{\"name\":\"flaude_session\",\"region\":\"iad\",\"size_gb\":1}");
        assertThat(post.requestHeaders().get("content-type")).containsExactly("application/json");
    }

    @Test
    void create_returns_the_volume_with_the_app_name_from_the_call() {
        Volume v = volumes().create();

        assertThat(v.id()).matches("vol_[a-z0-9]{16}");
        assertThat(v.name()).isEqualTo("flaude_session");
        assertThat(v.region()).isEqualTo("iad");
        assertThat(v.sizeGb()).isEqualTo(1);
        assertThat(v.appName()).isEqualTo(APP);
        assertThat(v.state()).isEqualTo(VolumeState.CREATED);
        assertThat(v.zone()).matches("[0-9a-f]{4}");
        assertThat(v.createdAt()).isNotNull();
        assertThat(v.attachedMachineId()).isNull();
        assertThat(v.isUsable()).isTrue();
    }

    @Test
    void optional_fields_are_sent_only_when_set() {
        volumes()
                .create(VolumeSpec.builder()
                        .name("data")
                        .region("ord")
                        .sizeGb(3)
                        .encrypted(false)
                        .fstype("ext4")
                        .requireUniqueZone(false)
                        .snapshotRetention(10)
                        .autoBackupEnabled(false)
                        .compute(new Guest("performance", 2, 4096))
                        .computeImage("img:1")
                        .build());

        assertThat(emulator.journal().last().requestBody())
                .isEqualTo(
                        "{\"name\":\"data\",\"region\":\"ord\","
                                + "\"size_gb\":3,\"encrypted\":false,\"fstype\":\"ext4\",\"require_unique_zone\":false,"
                                + "\"snapshot_retention\":10,\"auto_backup_enabled\":false,"
                                + "\"compute\":{\"cpu_kind\":\"performance\",\"cpus\":2,\"memory_mb\":4096},\"compute_image\":\"img:1\"}");
    }

    @Test
    void create_logs_at_info_before_and_after_as_the_seed_does() {
        try (LogCapture logs = LogCapture.of(Volumes.class)) {
            Volume v = volumes().create();

            assertThat(logs.infoLines())
                    .containsExactly(
                            "Creating volume in app 'test-app' region=iad size=1GB",
                            "Volume " + v.id() + " created (region=iad, size=1GB)");
        }
    }

    @Test
    void an_empty_2xx_body_is_an_invalid_response_naming_the_endpoint() {
        emulator.faults().script("POST", "/v1/apps/*/volumes", Fault.status(200, ""));

        assertThatThrownBy(() -> volumes().create()).isInstanceOfSatisfying(FlyInvalidResponseException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.getMessage()).endsWith(": Empty or invalid response from create-volume endpoint");
            assertThat(e.method()).isEqualTo("POST");
            assertThat(e.url()).isEqualTo(emulator.baseUri() + "/v1/apps/test-app/volumes");
        });
    }

    @Test
    void a_2xx_body_that_is_not_a_json_object_is_an_invalid_response() {
        emulator.faults().script("POST", "/v1/apps/*/volumes", Fault.status(200, "[1,2]"));

        assertThatThrownBy(() -> volumes().create())
                .isInstanceOf(FlyInvalidResponseException.class)
                .hasMessage("Invalid Fly API answer 200 POST " + emulator.baseUri()
                        + "/v1/apps/test-app/volumes: Empty or invalid response from create-volume endpoint");
    }

    @Test
    void restore_sends_the_snapshot_id_and_starts_restoring() {
        Volume source = volumes().create();
        volumes().createSnapshot(source.id());
        Snapshot snapshot = volumes().snapshots(source.id()).get(0);

        Volume restored = volumes().restore(snapshot.id(), VolumeSpec.defaults());

        assertThat(emulator.journal().last().requestBody()).contains("\"snapshot_id\":\"" + snapshot.id() + "\"");
        assertThat(restored.state()).isEqualTo(VolumeState.RESTORING);
        assertThat(volumes()
                        .waitFor(restored.id(), VolumeState.CREATED, java.time.Duration.ofSeconds(5))
                        .state())
                .isEqualTo(VolumeState.CREATED);
    }

    @Test
    void fork_copies_name_region_and_size_and_hydrates_then_is_created() {
        Volume source = volumes()
                .create(VolumeSpec.builder()
                        .name("work")
                        .region("fra")
                        .sizeGb(2)
                        .build());

        Volume fork = volumes().fork(source.id());

        assertThat(emulator.journal().last().requestBody())
                .isEqualTo("{\"name\":\"work\",\"region\":\"fra\",\"size_gb\":2,\"source_volume_id\":\"" + source.id()
                        + "\"}");
        assertThat(fork.state()).isEqualTo(VolumeState.HYDRATING);
        assertThat(fork.isUsable()).isTrue();
        assertThat(volumes()
                        .waitFor(fork.id(), VolumeState.CREATED, java.time.Duration.ofSeconds(5))
                        .sizeGb())
                .isEqualTo(2);
    }
}

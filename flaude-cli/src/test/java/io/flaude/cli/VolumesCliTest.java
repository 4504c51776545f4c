package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.fly.Volume;
import io.flaude.fly.VolumeSpec;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VolumesCliTest extends CliTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode json(CliRun run) {
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void create_with_no_flags_uses_the_seed_defaults() {
        CliRun run = run("volumes", "create", "-a", APP);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Created volume vol_").contains("flaude_session, 1GB in iad");
        assertThat(emulator.journal().last().requestBody())
                .isEqualTo("{\"name\":\"flaude_session\",\"region\":\"iad\",\"size_gb\":1}");
    }

    @Test
    void create_json_prints_the_api_fields_plus_app_name() {
        JsonNode v = json(run(
                "volumes",
                "create",
                "data",
                "-a",
                APP,
                "-r",
                "ord",
                "-s",
                "3",
                "--no-encryption",
                "--snapshot-retention",
                "9",
                "--require-unique-zone",
                "--json"));

        assertThat(v.path("id").asString()).startsWith("vol_");
        assertThat(v.path("name").asString()).isEqualTo("data");
        assertThat(v.path("size_gb").asInt()).isEqualTo(3);
        assertThat(v.path("region").asString()).isEqualTo("ord");
        assertThat(v.path("encrypted").asBoolean()).isFalse();
        assertThat(v.path("snapshot_retention").asInt()).isEqualTo(9);
        assertThat(v.path("app_name").asString()).isEqualTo(APP);
        assertThat(v.has("attached_machine_id")).isTrue();
        assertThat(emulator.journal().last().requestBody()).contains("\"require_unique_zone\":true");
    }

    @Test
    void list_json_is_an_array_and_leaves_out_destroyed_volumes_unless_all() {
        Volume kept = fly.volumes(APP).create();
        fly.volumes(APP).destroy(fly.volumes(APP).create().id());

        assertThat(json(run("volumes", "list", "-a", APP, "--json")))
                .hasSize(1)
                .first()
                .satisfies(v -> assertThat(v.path("id").asString()).isEqualTo(kept.id()));
        assertThat(json(run("volumes", "list", "-a", APP, "--all", "--json"))).hasSize(2);
    }

    @Test
    void list_prints_a_table_for_people() {
        Volume v = fly.volumes(APP).create();

        CliRun run = run("volumes", "list", "-a", APP);

        assertThat(run.out().lines().findFirst())
                .hasValueSatisfying(h -> assertThat(h).startsWith("ID").contains("STATE", "REGION"));
        assertThat(run.out()).contains(v.id()).contains("created").contains("1GB");
    }

    @Test
    void show_prints_one_volume_and_json_matches_the_api_names() {
        Volume v = fly.volumes(APP).create();

        assertThat(run("volumes", "show", v.id(), "-a", APP).out())
                .contains(v.id())
                .contains("iad");
        assertThat(json(run("volumes", "show", v.id(), "-a", APP, "--json"))
                        .path("state")
                        .asString())
                .isEqualTo("created");
    }

    @Test
    void extend_takes_a_new_total_or_a_plus_increment() {
        Volume v = fly.volumes(APP).create();

        assertThat(run("volumes", "extend", v.id(), "-a", APP, "-s", "3").out()).contains("is now 3GB");
        assertThat(run("volumes", "extend", v.id(), "-a", APP, "-s", "+2").out())
                .contains("is now 5GB");
    }

    @Test
    void update_sets_retention_and_scheduled_snapshots() {
        Volume v = fly.volumes(APP).create();

        CliRun run = run(
                "volumes", "update", v.id(), "-a", APP, "--snapshot-retention", "12", "--scheduled-snapshots=false");

        assertThat(run.code()).isZero();
        assertThat(fly.volumes(APP).get(v.id()).snapshotRetention()).isEqualTo(12);
        assertThat(fly.volumes(APP).get(v.id()).autoBackupEnabled()).isFalse();
    }

    @Test
    void update_with_nothing_to_change_is_a_usage_error() {
        Volume v = fly.volumes(APP).create();
        emulator.journal().clear();

        assertThat(run("volumes", "update", v.id(), "-a", APP).code()).isEqualTo(2);
        assertThat(emulator.journal().exchanges()).isEmpty();
    }

    @Test
    void destroy_takes_several_ids_and_an_already_gone_one_is_success() {
        Volume a = fly.volumes(APP).create();
        Volume b = fly.volumes(APP).create();
        fly.volumes(APP).destroy(b.id());

        CliRun run = run("volumes", "destroy", a.id(), b.id(), "-a", APP);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Destroyed volume " + a.id()).contains("Volume " + b.id() + " was already gone");
    }

    @Test
    void destroy_of_a_bound_volume_exits_1_naming_status_and_detail() {
        Volume v = fly.volumes(APP).create();
        emulator.attachVolumeForTest(APP, v.id(), "3d8d413b29d089");

        CliRun run = run("volumes", "destroy", v.id(), "-a", APP);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("412").contains("volume is currently bound to machine: 3d8d413b29d089");
    }

    @Test
    void destroy_with_wait_detach_outlasts_the_binding() throws Exception {
        Volume v = fly.volumes(APP).create();
        emulator.attachVolumeForTest(APP, v.id(), "3d8d413b29d089");
        Thread.ofVirtual().start(() -> {
            // Let go only once the CLI has been refused: the command must have waited, not been lucky.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (emulator.journal().matching("DELETE", "/v1/apps/*/volumes/*").stream()
                            .noneMatch(e -> e.status() == 412)
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            emulator.detachVolumeForTest(APP, v.id());
        });

        CliRun run = run("volumes", "destroy", v.id(), "-a", APP, "--wait-detach", "--detach-timeout", "10s");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Destroyed volume " + v.id());
        assertThat(emulator.journal().matching("DELETE", "/v1/apps/*/volumes/*"))
                .extracting(e -> e.status())
                .startsWith(412)
                .endsWith(200);
    }

    @Test
    void a_bad_id_among_several_is_refused_before_any_request() {
        Volume v = fly.volumes(APP).create();
        emulator.journal().clear();

        CliRun run = run("volumes", "destroy", v.id(), "not-a-volume", "-a", APP);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("invalid volume id 'not-a-volume'");
        assertThat(emulator.journal().exchanges()).isEmpty();
    }

    @Test
    void snapshots_create_then_list() {
        Volume v = fly.volumes(APP).create(VolumeSpec.builder().sizeGb(2).build());

        assertThat(run("volumes", "snapshots", "create", v.id(), "-a", APP).code())
                .isZero();
        JsonNode list = json(run("volumes", "snapshots", "list", v.id(), "-a", APP, "--json"));

        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asString()).startsWith("vs_");
        assertThat(list.get(0).path("volume_size").asInt()).isEqualTo(2);
    }

    @Test
    void create_fork_from_and_snapshot_id_send_the_source() {
        Volume v = fly.volumes(APP).create();

        JsonNode fork = json(run("volumes", "create", "-a", APP, "--fork-from", v.id(), "--json"));

        assertThat(fork.path("state").asString()).isEqualTo("hydrating");
        assertThat(emulator.journal().last().requestBody()).contains("\"source_volume_id\":\"" + v.id() + "\"");
    }
}

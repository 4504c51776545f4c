package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** restart, suspend, signal, cordon, versions, ps and metadata, as the spec defines them. */
class MachineControlsTest extends MachineTestBase {

    private String startedServer() {
        String id = createMachine("{\"config\":{\"image\":\"nginx\",\"metadata\":{\"team\":\"a\"}}}")
                .get("id")
                .stringValue();
        awaitState(id, "started", null);
        return id;
    }

    private String path(String id, String action) {
        return MACHINES + "/" + id + "/" + action;
    }

    @Test
    void restart_stops_the_instance_and_boots_the_same_version_again() {
        String id = startedServer();
        String version = machine(id).get("version").stringValue();

        assertThat(api.post(path(id, "restart"), null).statusCode()).isEqualTo(200);

        Api.sleep(Duration.ofMillis(100));
        awaitState(id, "started", version);
        JsonNode events = Api.json(api.get(path(id, "events")));
        assertThat(events.findValuesAsString("type")).contains("restart", "exit", "start");
        assertThat(machine(id).get("version").stringValue()).isEqualTo(version);
    }

    @Test
    void suspend_ends_suspended_and_start_resumes() {
        String id = startedServer();

        assertThat(api.post(path(id, "suspend"), null).statusCode()).isEqualTo(200);
        assertThat(awaitState(id, "suspended", null).get("state").stringValue()).isEqualTo("suspended");

        assertThat(api.post(path(id, "start"), null).statusCode()).isEqualTo(200);
        awaitState(id, "started", null);
    }

    @Test
    void sigterm_ends_the_instance_sigusr1_does_nothing_and_sigkill_kills() {
        String id = startedServer();
        String version = machine(id).get("version").stringValue();

        assertThat(api.post(path(id, "signal"), "{\"signal\":\"SIGUSR1\"}").statusCode())
                .isEqualTo(200);
        Api.sleep(Duration.ofMillis(100));
        assertThat(machine(id).get("state").stringValue()).isEqualTo("started");
        assertThat(api.post(path(id, "signal"), "{\"signal\":\"SIGTERM\"}").statusCode())
                .isEqualTo(200);
        awaitState(id, "stopped", version);

        api.post(path(id, "start"), null);
        awaitState(id, "started", null);
        assertThat(api.post(path(id, "signal"), "{\"signal\":\"SIGKILL\"}").statusCode())
                .isEqualTo(200);
        assertThat(machine(id).get("state").stringValue()).isEqualTo("stopped");
        assertThat(Api.json(api.get(path(id, "events")))
                        .findValue("exit_event")
                        .path("exit_code")
                        .asInt())
                .isEqualTo(137);
    }

    @Test
    void a_signal_outside_the_specs_list_or_to_a_stopped_machine_is_refused() {
        String id = startedServer();
        assertThat(api.post(path(id, "signal"), "{\"signal\":\"SIGWINCH\"}").statusCode())
                .isEqualTo(400);
        String stopped = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"nginx\"}}")
                .get("id")
                .stringValue();

        assertThat(api.post(path(stopped, "signal"), "{\"signal\":\"SIGTERM\"}").statusCode())
                .isEqualTo(412);
        assertThat(api.post(path(stopped, "restart"), null).statusCode()).isEqualTo(412);
        assertThat(api.get(path(stopped, "ps")).statusCode()).isEqualTo(412);
    }

    @Test
    void cordon_and_uncordon_answer_ok_and_are_recorded_as_events() {
        String id = startedServer();

        assertThat(api.post(path(id, "cordon"), null).statusCode()).isEqualTo(200);
        assertThat(api.post(path(id, "uncordon"), null).statusCode()).isEqualTo(200);

        assertThat(Api.json(api.get(path(id, "events"))).findValuesAsString("type"))
                .contains("cordon", "uncordon");
    }

    @Test
    void versions_lists_each_version_with_its_config_newest_first() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"nginx:1\"}}");
        String id = m.get("id").stringValue();
        api.post(MACHINES + "/" + id, "{\"skip_launch\":true,\"config\":{\"image\":\"nginx:2\"}}");

        JsonNode versions = Api.json(api.get(path(id, "versions")));

        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("user_config").path("image").stringValue())
                .isEqualTo("nginx:2");
        assertThat(versions.get(1).path("version").stringValue())
                .isEqualTo(m.get("version").stringValue());
    }

    @Test
    void ps_lists_the_running_workload() {
        String id = startedServer();

        JsonNode ps = Api.json(api.get(path(id, "ps")));

        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.path("pid").asInt()).isEqualTo(1);
            assertThat(p.path("command").stringValue()).isEqualTo("nginx");
        });
    }

    @Test
    void metadata_is_read_merged_replaced_and_set_or_deleted_per_key_without_a_new_version() {
        String id = startedServer();
        String version = machine(id).get("version").stringValue();
        String metadata = MACHINES + "/" + id + "/metadata";

        assertThat(Api.json(api.get(metadata)).path("team").stringValue()).isEqualTo("a");
        assertThat(api.send("PATCH", metadata, "{\"metadata\":{\"owner\":\"me\"}}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(Api.json(api.get(metadata)).properties())
                .extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("team", "owner");
        assertThat(api.post(metadata + "/tier", "{\"value\":\"gold\"}").statusCode())
                .isEqualTo(204);
        assertThat(Api.json(api.get(metadata + "/tier")).path("value").stringValue())
                .isEqualTo("gold");
        assertThat(api.delete(metadata + "/tier").statusCode()).isEqualTo(204);
        assertThat(api.get(metadata + "/tier").statusCode()).isEqualTo(404);
        assertThat(api.put(metadata, "{\"metadata\":{\"only\":\"this\"}}").statusCode())
                .isEqualTo(204);
        assertThat(Api.json(api.get(metadata)).properties())
                .extracting(e -> e.getKey())
                .containsExactly("only");

        assertThat(machine(id).get("version").stringValue()).isEqualTo(version);
        assertThat(api.get(MACHINES + "?metadata.only=this").body()).contains(id);
        assertThat(api.send("PATCH", metadata, "{\"metadata\":{\"n\":1}}").statusCode())
                .isEqualTo(400);
        assertThat(api.send("PATCH", metadata, "{\"machine_version\":\"old\",\"metadata\":{\"n\":\"1\"}}")
                        .statusCode())
                .isEqualTo(412);
    }
}

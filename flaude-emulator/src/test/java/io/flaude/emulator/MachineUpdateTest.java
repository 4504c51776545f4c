package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MachineUpdateTest extends MachineTestBase {
    private JsonNode stopped() {
        JsonNode m = createMachine("{\"config\":" + config(agentEnv("one"), null, null) + "}");
        awaitExit(m);
        return machine(m.get("id").stringValue());
    }

    @Test
    void update_is_a_post_that_answers_a_new_version_and_an_update_event() {
        JsonNode m = stopped();
        String id = m.get("id").stringValue();

        var response = api.post(MACHINES + "/" + id, "{\"config\":" + config(agentEnv("two"), null, null) + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode updated = Api.json(response);
        assertThat(updated.get("version").stringValue())
                .isNotEqualTo(m.get("version").stringValue())
                .isEqualTo(updated.get("instance_id").stringValue());
        assertThat(updated.get("config").get("env").get("FLAUDE_PROMPT").stringValue())
                .isEqualTo("two");
        assertThat(updated.get("events").get(0).get("type").stringValue()).isEqualTo("update");
        assertThat(updated.get("state").stringValue()).isEqualTo("stopped");
    }

    @Test
    void update_with_a_stale_current_version_gets_409_and_changes_nothing() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");
        String id = m.get("id").stringValue();
        api.post(MACHINES + "/" + id, "{\"config\":{\"image\":\"alpine:2\"}}");

        var response = api.post(
                MACHINES + "/" + id,
                "{\"current_version\":\"" + m.get("version").stringValue() + "\",\"config\":{\"image\":\"alpine:3\"}}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(machine(id).get("config").get("image").stringValue()).isEqualTo("alpine:2");
    }

    @Test
    void update_with_the_current_version_succeeds() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");

        var response = api.post(
                MACHINES + "/" + m.get("id").stringValue(),
                "{\"current_version\":\"" + m.get("version").stringValue() + "\",\"config\":{\"image\":\"alpine:3\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void put_on_a_machine_gets_405() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");

        var response = api.put(MACHINES + "/" + m.get("id").stringValue(), "{\"config\":{\"image\":\"alpine\"}}");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("DELETE, GET, POST");
    }

    @Test
    void update_that_changes_the_mounted_volume_gets_400() {
        String a = createVolume();
        String b = createVolume();
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":" + config(Map.of(), a, "/data") + "}");
        String path = MACHINES + "/" + m.get("id").stringValue();

        var other = api.post(path, "{\"config\":" + config(Map.of(), b, "/data") + "}");
        var none = api.post(path, "{\"config\":{\"image\":\"alpine\"}}");

        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(api.post(path, "{\"config\":" + config(Map.of("X", "1"), a, "/data") + "}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void update_of_a_started_machine_restarts_it_on_the_new_config() {
        JsonNode m = createRunning(5_000);
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);

        JsonNode updated =
                Api.json(api.post(MACHINES + "/" + id, "{\"config\":" + config(agentEnv("second"), null, null) + "}"));
        String version = updated.get("version").stringValue();

        assertThat(awaitExit(updated).get("version").stringValue()).isEqualTo(version);
        assertThat(fly.logLines(APP, id)).contains("[flaude:exit:143]").last().isEqualTo("[flaude:exit:0]");
        assertThat(fly.logLines(APP, id)).anyMatch(line -> line.contains("You said: \"second\""));
    }

    @Test
    void update_of_a_stopped_machine_leaves_it_stopped_and_the_next_start_runs_the_new_config() {
        JsonNode m = stopped();
        String id = m.get("id").stringValue();
        JsonNode updated =
                Api.json(api.post(MACHINES + "/" + id, "{\"config\":" + config(agentEnv("later"), null, null) + "}"));

        api.post(MACHINES + "/" + id + "/start", null);
        awaitState(id, "stopped", updated.get("version").stringValue());

        assertThat(fly.logLines(APP, id)).anyMatch(line -> line.contains("You said: \"later\""));
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MachineDestroyTest extends MachineTestBase {
    @Test
    void destroy_of_a_started_machine_without_force_gets_412() {
        JsonNode m = createRunning(10_000);
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);

        var response = api.delete(MACHINES + "/" + id);

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo("failed_precondition: unable to destroy machine, not currently stopped");
    }

    @Test
    void destroy_with_force_kills_a_started_machine() {
        JsonNode m = createRunning(10_000);
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);

        var response = api.delete(MACHINES + "/" + id + "?force=true");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).toString()).isEqualTo("{\"ok\":true}");
        assertThat(machine(id).get("state").stringValue()).isEqualTo("destroyed");
        assertThat(machine(id).get("events").get(0).get("type").stringValue()).isEqualTo("destroy");
    }

    @Test
    void destroy_with_kill_as_fly_go_sends_it_works_too() {
        JsonNode m = createRunning(10_000);
        awaitState(m.get("id").stringValue(), "started", null);

        assertThat(api.delete(MACHINES + "/" + m.get("id").stringValue() + "?kill=true")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void destroy_of_a_stopped_or_created_machine_needs_no_force() {
        JsonNode created = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");
        JsonNode stopped = createRunning(1);
        awaitExit(stopped);

        assertThat(api.delete(MACHINES + "/" + created.get("id").stringValue()).statusCode())
                .isEqualTo(200);
        assertThat(api.delete(MACHINES + "/" + stopped.get("id").stringValue()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_second_destroy_gets_404() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");
        api.delete(MACHINES + "/" + m.get("id").stringValue());

        assertThat(api.delete(MACHINES + "/" + m.get("id").stringValue()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_volume_stays_bound_for_the_detach_delay_after_destroy() {
        String volume = createVolume();
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":" + config(Map.of(), volume, "/data") + "}");
        api.delete(MACHINES + "/" + m.get("id").stringValue());

        var refused = api.delete("/v1/apps/" + APP + "/volumes/" + volume);

        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(Api.json(refused).get("error").stringValue())
                .isEqualTo("failed_precondition: volume is currently bound to machine: "
                        + m.get("id").stringValue());
        Api.sleep(DETACH_DELAY.plusMillis(150));
        assertThat(volume(volume).get("attached_machine_id").isNull()).isTrue();
        assertThat(api.delete("/v1/apps/" + APP + "/volumes/" + volume).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_new_machine_can_mount_the_volume_once_the_old_one_has_detached() {
        String volume = createVolume();
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":" + config(Map.of(), volume, "/data") + "}");
        api.delete(MACHINES + "/" + m.get("id").stringValue());
        String body = "{\"skip_launch\":true,\"config\":" + config(Map.of(), volume, "/data") + "}";

        assertThat(api.post(MACHINES, body).statusCode()).isEqualTo(409);
        Api.sleep(DETACH_DELAY.plusMillis(150));
        assertThat(api.post(MACHINES, body).statusCode()).isEqualTo(200);
    }

    @Test
    void an_auto_destroy_machine_destroys_itself_when_its_workload_exits() {
        String volume = createVolume();
        String config = config(agentEnv("bye"), volume, "/data").replaceFirst("\\{", "{\"auto_destroy\":true,");
        JsonNode m = createMachine("{\"config\":" + config + "}");
        String id = m.get("id").stringValue();

        assertThat(awaitState(id, "destroyed", null).get("state").stringValue()).isEqualTo("destroyed");
        JsonNode events = Api.json(api.get(MACHINES + "/" + id + "/events"));
        assertThat(events.get(0).get("type").stringValue()).isEqualTo("destroy");
        assertThat(events.get(0).get("source").stringValue()).isEqualTo("flyd");
        assertThat(events.get(1).get("type").stringValue()).isEqualTo("exit");
        assertThat(volume(volume).get("attached_machine_id").stringValue()).isEqualTo(id);
        Api.sleep(DETACH_DELAY.plusMillis(150));
        assertThat(volume(volume).get("attached_machine_id").isNull()).isTrue();
    }

    @Test
    void a_failed_auto_destroy_machine_stays_failed() {
        String config = config(agentEnv("x", "FLAUDE_EMULATOR_FAIL", "1"), null, null)
                .replaceFirst("\\{", "{\"auto_destroy\":true,");
        JsonNode m = createMachine("{\"config\":" + config + "}");

        awaitExit(m);

        assertThat(machine(m.get("id").stringValue()).get("state").stringValue())
                .isEqualTo("failed");
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MachineStartStopTest extends MachineTestBase {
    @Test
    void start_of_a_stopped_machine_answers_the_previous_state_and_runs_it_again() {
        JsonNode m = createMachine("{\"config\":" + config(agentEnv("again"), null, null) + "}");
        String id = m.get("id").stringValue();
        awaitExit(m);

        var response = api.post(MACHINES + "/" + id + "/start", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).toString())
                .isEqualTo("{\"previous_state\":\"stopped\",\"migrated\":false,\"new_host\":\"\"}");
        awaitExit(machine(id));
        assertThat(fly.logLines(APP, id))
                .filteredOn(line -> line.equals("[flaude:exit:0]"))
                .hasSize(2);
        assertThat(machine(id).get("version").stringValue())
                .isEqualTo(m.get("version").stringValue());
    }

    @Test
    void start_of_a_created_machine_boots_it() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":" + config(agentEnv("hi"), null, null) + "}");

        var response = api.post(MACHINES + "/" + m.get("id").stringValue() + "/start", null);

        assertThat(Api.json(response).get("previous_state").stringValue()).isEqualTo("created");
        assertThat(awaitExit(m).get("state").stringValue()).isEqualTo("stopped");
    }

    @Test
    void start_of_a_started_machine_gets_412() {
        JsonNode m = createRunning(3_000);
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);

        var response = api.post(MACHINES + "/" + id + "/start", null);

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo("failed_precondition: machine still active, refusing to start");
    }

    @Test
    void start_of_a_destroyed_machine_gets_412() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");
        api.delete(MACHINES + "/" + m.get("id").stringValue());

        assertThat(api.post(MACHINES + "/" + m.get("id").stringValue() + "/start", null)
                        .statusCode())
                .isEqualTo(412);
    }

    @Test
    void stop_interrupts_the_workload_and_ends_stopped_with_exit_143() {
        JsonNode m = createRunning(10_000);
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);

        var response = api.post(MACHINES + "/" + id + "/stop", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("ok").booleanValue()).isTrue();
        assertThat(awaitState(id, "stopped", m.get("version").stringValue())
                        .get("state")
                        .stringValue())
                .isEqualTo("stopped");
        JsonNode exit = Api.json(api.get(MACHINES + "/" + id + "/events")).get(0);
        assertThat(exit.get("type").stringValue()).isEqualTo("exit");
        assertThat(exit.get("request").get("exit_event").get("exit_code").intValue())
                .isEqualTo(143);
        assertThat(exit.get("request").get("exit_event").get("requested_stop").booleanValue())
                .isTrue();
        assertThat(fly.logLines(APP, id)).last().isEqualTo("[flaude:exit:143]");
    }

    @Test
    void stop_accepts_an_empty_object_and_a_stop_request() {
        JsonNode a = createRunning(10_000);
        JsonNode b = createRunning(10_000);

        assertThat(api.post(MACHINES + "/" + a.get("id").stringValue() + "/stop", "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.post(
                                MACHINES + "/" + b.get("id").stringValue() + "/stop",
                                "{\"signal\":\"SIGTERM\",\"timeout\":\"10s\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void stop_with_an_array_body_gets_400_from_the_go_decoder() {
        JsonNode m = createRunning(10_000);

        var response = api.post(MACHINES + "/" + m.get("id").stringValue() + "/stop", "[]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo("json: cannot unmarshal array into Go value of type main.stopRequest");
    }

    @Test
    void stop_with_sigkill_kills_without_an_exit_marker() {
        JsonNode m = createRunning(10_000);
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);

        api.post(MACHINES + "/" + id + "/stop", "{\"signal\":\"SIGKILL\"}");

        assertThat(machine(id).get("state").stringValue()).isEqualTo("stopped");
        JsonNode exit = Api.json(api.get(MACHINES + "/" + id + "/events"))
                .get(0)
                .get("request")
                .get("exit_event");
        assertThat(exit.get("exit_code").intValue()).isEqualTo(137);
        assertThat(exit.get("signal").intValue()).isEqualTo(9);
        assertThat(fly.logLines(APP, id)).noneMatch(line -> line.startsWith("[flaude:exit:"));
    }
}

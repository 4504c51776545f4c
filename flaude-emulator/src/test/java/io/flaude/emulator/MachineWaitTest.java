package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MachineWaitTest extends MachineTestBase {
    @Test
    void wait_for_started_answers_once_the_machine_has_booted() {
        JsonNode m = createRunning(3_000);

        JsonNode answer = Api.json(await(m.get("id").stringValue(), "timeout=5"));

        assertThat(answer.get("ok").booleanValue()).isTrue();
        assertThat(answer.get("state").stringValue()).isEqualTo("started");
        assertThat(answer.get("version").stringValue())
                .isEqualTo(m.get("version").stringValue());
        assertThat(answer.get("event_id").stringValue()).hasSize(26);
    }

    @Test
    void wait_for_stopped_pinned_to_the_instance_answers_when_the_workload_exits() {
        JsonNode m = createRunning(200);

        var response = await(
                m.get("id").stringValue(),
                "state=stopped&timeout=5&instance_id=" + m.get("instance_id").stringValue());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("state").stringValue()).isEqualTo("stopped");
    }

    @Test
    void wait_for_destroyed_answers_after_a_destroy() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");
        String id = m.get("id").stringValue();
        Thread.ofVirtual().start(() -> {
            Api.sleep(java.time.Duration.ofMillis(100));
            api.delete(MACHINES + "/" + id);
        });

        var response = await(id, "state=destroyed&timeout=5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("state").stringValue()).isEqualTo("destroyed");
    }

    @Test
    void wait_that_times_out_gets_408_with_the_current_state() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");

        var response = await(m.get("id").stringValue(), "state=started&timeout=1");

        assertThat(response.statusCode()).isEqualTo(408);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo("machine failed to reach desired state, started, currently created");
    }

    @Test
    void wait_with_a_timeout_outside_1_to_60_gets_400() {
        String id = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}")
                .get("id")
                .stringValue();

        var tooLong = await(id, "timeout=61");

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Api.json(tooLong).get("error").stringValue())
                .isEqualTo("invalid_argument: timeout must be between 1 and 60 seconds");
        assertThat(await(id, "timeout=0").statusCode()).isEqualTo(400);
    }

    @Test
    void wait_with_an_empty_timeout_is_refused_not_waited_out() {
        String id = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}")
                .get("id")
                .stringValue();

        var empty = await(id, "timeout=");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Api.json(empty).get("error").stringValue())
                .isEqualTo("invalid_argument: timeout must be between 1 and 60 seconds");
    }

    @Test
    void wait_for_stopped_without_an_instance_id_gets_400() {
        String id = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}")
                .get("id")
                .stringValue();

        var response = await(id, "state=stopped");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo("invalid_argument: instance_id is required when waiting for stopped");
    }

    @Test
    void wait_pinned_to_the_new_version_does_not_see_the_old_instance_stop() {
        JsonNode m = createMachine("{\"config\":" + config(agentEnv("one"), null, null) + "}");
        String id = m.get("id").stringValue();
        awaitExit(m);
        JsonNode updated = Api.json(api.post(
                MACHINES + "/" + id,
                "{\"config\":" + config(agentEnv("two", "FLAUDE_EMULATOR_SLEEP_MS", "300"), null, null) + "}"));
        String version = updated.get("version").stringValue();
        api.post(MACHINES + "/" + id + "/start", null);

        long started = System.nanoTime();
        JsonNode answer = awaitState(id, "stopped", version);

        assertThat(answer.get("version").stringValue()).isEqualTo(version);
        assertThat(System.nanoTime() - started).isGreaterThan(250_000_000L);
        assertThat(fly.logLines(APP, id)).last().isEqualTo("[flaude:exit:0]");
        assertThat(fly.logLines(APP, id)).anyMatch(line -> line.contains("You said: \"two\""));
    }

    @Test
    void wait_for_stopped_pinned_to_a_replaced_version_answers_replaced() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");
        String id = m.get("id").stringValue();
        api.post(MACHINES + "/" + id, "{\"config\":{\"image\":\"alpine:2\"}}");

        JsonNode answer = awaitState(id, "stopped", m.get("version").stringValue());

        assertThat(answer.get("state").stringValue()).isEqualTo("replaced");
    }

    @Test
    void wait_from_an_event_id_sees_a_state_that_was_already_left() {
        JsonNode m = createMachine("{\"config\":" + config(agentEnv("quick"), null, null) + "}");
        String id = m.get("id").stringValue();
        awaitExit(m);
        String launch = m.get("events").get(0).get("id").stringValue();

        var response = await(id, "state=started&timeout=1&from_event_id=" + launch);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("state").stringValue()).isEqualTo("started");
    }

    @Test
    void wait_with_an_unknown_state_gets_400() {
        String id = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}")
                .get("id")
                .stringValue();

        assertThat(await(id, "state=running").statusCode()).isEqualTo(400);
    }

    @Test
    void wait_for_settled_answers_any_stable_state() {
        JsonNode m = createRunning(1);
        awaitExit(m);

        var response = await(m.get("id").stringValue(), "state=settled&timeout=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("state").stringValue()).isEqualTo("stopped");
    }

    @Test
    void wait_for_stopped_answers_when_the_instance_ended_failed() {
        JsonNode m =
                createMachine("{\"config\":" + config(agentEnv("x", "FLAUDE_EMULATOR_FAIL", "1"), null, null) + "}");

        JsonNode answer = awaitState(
                m.get("id").stringValue(), "stopped", m.get("version").stringValue());

        assertThat(answer.get("state").stringValue()).isEqualTo("failed");
    }
}

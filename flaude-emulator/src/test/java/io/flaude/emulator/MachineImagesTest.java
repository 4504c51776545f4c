package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Any image runs: only the agent image runs the simulated agent; a server image stays up until stopped. */
class MachineImagesTest extends MachineTestBase {

    @Test
    void a_users_nginx_machine_starts_stays_started_stops_and_is_destroyed() {
        JsonNode m = createMachine("{\"config\":{\"image\":\"nginx:1.27\"}}");
        String id = m.get("id").stringValue();
        String version = m.get("version").stringValue();

        awaitState(id, "started", null);
        Api.sleep(Duration.ofMillis(300));
        assertThat(machine(id).get("state").stringValue())
                .as("a server keeps running")
                .isEqualTo("started");
        assertThat(api.post(MACHINES + "/" + id + "/stop", "{}").statusCode()).isEqualTo(200);
        assertThat(awaitState(id, "stopped", version).get("state").stringValue())
                .isEqualTo("stopped");
        assertThat(api.delete(MACHINES + "/" + id).statusCode()).isEqualTo(200);

        assertThat(machine(id).get("state").stringValue()).isEqualTo("destroyed");
    }

    @Test
    void a_server_image_prints_that_it_runs_and_none_of_the_agents_lines() {
        String id = createMachine("{\"config\":{\"image\":\"registry.example/api:2\"}}")
                .get("id")
                .stringValue();
        awaitState(id, "started", null);

        Api.sleep(Duration.ofMillis(100));
        assertThat(fly.logLines(APP, id))
                .singleElement()
                .asString()
                .contains("registry.example/api:2")
                .contains("runs until stopped");
    }

    @Test
    void a_stopped_server_exits_cleanly_and_starts_again() {
        JsonNode m = createMachine("{\"config\":{\"image\":\"nginx\"}}");
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);
        api.post(MACHINES + "/" + id + "/stop", "{}");
        awaitState(id, "stopped", m.get("version").stringValue());

        assertThat(api.post(MACHINES + "/" + id + "/start", null).statusCode()).isEqualTo(200);

        awaitState(id, "started", null);
        JsonNode exit = Api.json(api.get(MACHINES + "/" + id + "/events")).findValue("exit_event");
        assertThat(exit.path("exit_code").asInt()).isZero();
    }

    @Test
    void the_agent_image_runs_the_simulated_agent_and_exits_by_itself() {
        JsonNode m = createRunning(0);

        assertThat(awaitExit(m).get("state").stringValue()).isEqualTo("stopped");
        assertThat(fly.logLines(APP, m.get("id").stringValue())).last().isEqualTo("[flaude:exit:0]");
    }

    @Test
    void the_python_flaudes_published_image_runs_the_simulated_agent_by_default() {
        String env = "{\"CLAUDE_CODE_OAUTH_TOKEN\":\"sk-ant-oat-python\",\"FLAUDE_PROMPT\":\"p\"}";
        JsonNode m = Api.json(
                api.post(MACHINES, "{\"config\":{\"image\":\"ghcr.io/ravi-hq/flaude:latest\",\"env\":" + env + "}}"));

        assertThat(awaitExit(m).get("state").stringValue()).isEqualTo("stopped");
        assertThat(fly.logLines(APP, m.get("id").stringValue())).last().isEqualTo("[flaude:exit:0]");
    }

    @Test
    void the_agent_images_are_configurable() {
        try (FlyEmulator own =
                FlyEmulator.builder().agentImages("my.registry/agents/*").start()) {
            Api ownApi = new Api(own);
            ownApi.createApp(APP);
            String env = "{\"CLAUDE_CODE_OAUTH_TOKEN\":\"t\",\"FLAUDE_PROMPT\":\"p\"}";
            var agent = Api.json(ownApi.post(
                    MACHINES, "{\"config\":{\"image\":\"my.registry/agents/claude:7\",\"env\":" + env + "}}"));
            var flaude =
                    Api.json(ownApi.post(MACHINES, "{\"config\":{\"image\":\"" + IMAGE + "\",\"env\":" + env + "}}"));
            String agentId = agent.get("id").stringValue();
            var done = ownApi.get(MACHINES + "/" + agentId + "/wait?state=stopped&timeout=10&version="
                    + agent.get("version").stringValue());

            assertThat(done.statusCode()).isEqualTo(200);
            String flaudeId = flaude.get("id").stringValue();
            assertThat(ownApi.get(MACHINES + "/" + flaudeId + "/wait?state=started&timeout=10")
                            .statusCode())
                    .isEqualTo(200);
            Api.sleep(Duration.ofMillis(200));
            assertThat(Api.json(ownApi.get(MACHINES + "/" + flaudeId))
                            .get("state")
                            .stringValue())
                    .isEqualTo("started");
        }
    }
}

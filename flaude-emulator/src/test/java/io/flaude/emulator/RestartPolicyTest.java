package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A workload that exits by itself is restarted as its restart policy says (Fly's docs). */
class RestartPolicyTest extends MachineTestBase {

    private JsonNode agent(String restart, String exitCode) {
        return createMachine(
                "{\"config\":{\"image\":\"" + IMAGE + "\",\"env\":{\"CLAUDE_CODE_OAUTH_TOKEN\":\"sk-ant-oat-restart\","
                        + "\"FLAUDE_PROMPT\":\"p\",\"FLAUDE_EMULATOR_SLEEP_MS\":\"0\",\"FLAUDE_EMULATOR_EXIT\":\""
                        + exitCode + "\"}"
                        + restart + "}}");
    }

    private long exits(String id) {
        return Api.json(api.get(MACHINES + "/" + id + "/events"))
                .findValues("exit_event")
                .size();
    }

    @Test
    void on_failure_is_the_default_and_restarts_a_failing_workload_up_to_max_retries() {
        JsonNode m = agent(",\"restart\":{\"policy\":\"on-failure\",\"max_retries\":2}", "3");
        String id = m.get("id").stringValue();

        awaitState(id, "stopped", m.get("version").stringValue());
        Api.sleep(Duration.ofMillis(300));

        assertThat(machine(id).get("state").stringValue()).isEqualTo("stopped");
        assertThat(exits(id)).as("the first run and two restarts").isEqualTo(3);
        assertThat(fly.logLines(APP, id).stream().filter(l -> l.equals("[flaude:exit:3]")))
                .as(String.valueOf(fly.logLines(APP, id)))
                .hasSize(3);
    }

    @Test
    void on_failure_leaves_a_clean_exit_stopped() {
        JsonNode m = agent("", "0");
        String id = m.get("id").stringValue();

        awaitState(id, "stopped", m.get("version").stringValue());
        Api.sleep(Duration.ofMillis(300));

        assertThat(exits(id)).isEqualTo(1);
    }

    @Test
    void always_restarts_even_a_clean_exit_until_stopped() {
        JsonNode m = agent(",\"restart\":{\"policy\":\"always\"}", "0");
        String id = m.get("id").stringValue();

        Api.sleep(Duration.ofMillis(600));
        assertThat(exits(id)).isGreaterThanOrEqualTo(2);
        assertThat(api.post(MACHINES + "/" + id + "/stop", "{}").statusCode()).isEqualTo(200);

        awaitState(id, "stopped", m.get("version").stringValue());
        long stoppedAt = exits(id);
        Api.sleep(Duration.ofMillis(300));
        assertThat(exits(id)).as("a stop is not restarted").isEqualTo(stoppedAt);
    }

    @Test
    void no_never_restarts() {
        JsonNode m = agent(",\"restart\":{\"policy\":\"no\"}", "5");
        String id = m.get("id").stringValue();

        awaitState(id, "stopped", m.get("version").stringValue());
        Api.sleep(Duration.ofMillis(300));

        assertThat(exits(id)).isEqualTo(1);
    }
}

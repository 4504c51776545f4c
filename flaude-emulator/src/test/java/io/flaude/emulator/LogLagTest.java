package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** With a log lag, the logs API shows a printed line only that long after it was printed, in order. */
class LogLagTest {
    private static final String APP = "my-app";

    @Test
    void a_line_shows_in_the_logs_api_only_after_the_lag() throws InterruptedException {
        try (FlyEmulator fly = FlyEmulator.builder().logLag(Duration.ofMillis(800)).start()) {
            String id = MachineTestBase.agentMachine(fly, APP,
                    MachineTestBase.agentEnv("hi", "FLAUDE_EMULATOR_SLEEP_MS", "0"));
            Api api = new Api(fly);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (fly.logLines(APP, id).stream().noneMatch(l -> l.startsWith("[flaude:exit:")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            JsonNode early = Api.json(api.get("/api/v1/apps/" + APP + "/logs?instance=" + id));
            Thread.sleep(900);
            JsonNode late = Api.json(api.get("/api/v1/apps/" + APP + "/logs?instance=" + id));

            assertThat(early.get("data")).isEmpty();
            assertThat(late.get("data")).hasSize(fly.logLines(APP, id).size());
        }
    }
}

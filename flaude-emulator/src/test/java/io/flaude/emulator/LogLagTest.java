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
        try (FlyEmulator fly =
                FlyEmulator.builder().logLag(Duration.ofMillis(800)).start()) {
            String id = MachineTestBase.agentMachine(
                    fly, APP, MachineTestBase.agentEnv("hi", "FLAUDE_EMULATOR_SLEEP_MS", "0"));
            Api api = new Api(fly);
            Await.until("the exit line", Duration.ofSeconds(5), () -> fly.logLines(APP, id).stream()
                    .anyMatch(l -> l.startsWith("[flaude:exit:")));
            long printed = System.nanoTime();

            JsonNode early = Api.json(api.get("/api/v1/apps/" + APP + "/logs?instance=" + id));
            Await.until(
                    "every line in the logs API",
                    Duration.ofSeconds(5),
                    () -> Api.json(api.get("/api/v1/apps/" + APP + "/logs?instance=" + id))
                                    .get("data")
                                    .size()
                            == fly.logLines(APP, id).size());

            assertThat(early.get("data")).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - printed))
                    .as("the lag")
                    .isGreaterThan(Duration.ofMillis(600));
        }
    }
}

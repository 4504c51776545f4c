package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** With a stop delay, an instance takes that long to exit after SIGTERM, as a graceful shutdown does. */
@FlyEmulatorTest(detachDelayMs = MachineTestBase.DETACH_DELAY_MS, stopDelayMs = 60_000)
class StopDelayTest extends MachineTestBase {
    @Test
    void a_stopped_machine_stays_stopping_during_the_stop_delay_and_refuses_a_start() {
        JsonNode m = createRunning(10_000);
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);

        api.post(MACHINES + "/" + id + "/stop", null);

        assertThat(machine(id).get("state").stringValue()).isEqualTo("stopping");
        var start = api.post(MACHINES + "/" + id + "/start", null);
        assertThat(start.statusCode()).isEqualTo(412);
        assertThat(machine(id).get("state").stringValue()).isEqualTo("stopping");
    }

    @Test
    void a_sigkill_ends_a_graceful_stop_at_once() {
        JsonNode m = createRunning(10_000);
        String id = m.get("id").stringValue();
        awaitState(id, "started", null);
        api.post(MACHINES + "/" + id + "/stop", null);

        api.post(MACHINES + "/" + id + "/stop", "{\"signal\":\"SIGKILL\"}");

        assertThat(awaitState(id, "stopped", m.get("version").stringValue())
                        .get("state")
                        .stringValue())
                .isEqualTo("stopped");
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MachineEventsTest extends MachineTestBase {
    private JsonNode run(String... knobs) {
        JsonNode m = createMachine("{\"config\":" + config(agentEnv("go", knobs), null, null) + "}");
        awaitExit(m);
        return m;
    }

    private JsonNode events(JsonNode machine, String query) {
        var response = api.get(MACHINES + "/" + machine.get("id").stringValue() + "/events" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    @Test
    void events_come_newest_first_from_launch_to_exit() {
        JsonNode m = run();

        JsonNode events = events(m, "");

        assertThat(events).extracting(e -> e.get("type").stringValue()).containsExactly("exit", "start", "launch");
        assertThat(events)
                .extracting(e -> e.get("status").stringValue())
                .containsExactly("stopped", "started", "created");
        assertThat(events).extracting(e -> e.get("source").stringValue()).containsExactly("flyd", "flyd", "user");
        assertThat(events.get(0).get("timestamp").longValue())
                .isGreaterThanOrEqualTo(events.get(2).get("timestamp").longValue());
    }

    @Test
    void a_clean_exit_has_exit_code_0_and_the_full_exit_event() {
        JsonNode exit = events(run(), "?limit=1").get(0).get("request");

        assertThat(exit.get("restart_count").intValue()).isZero();
        JsonNode e = exit.get("exit_event");
        assertThat(e.get("exit_code").intValue()).isZero();
        assertThat(e.get("guest_exit_code").intValue()).isZero();
        assertThat(e.get("signal").intValue()).isEqualTo(-1);
        assertThat(e.get("guest_signal").intValue()).isEqualTo(-1);
        assertThat(e.get("oom_killed").booleanValue()).isFalse();
        assertThat(e.get("requested_stop").booleanValue()).isFalse();
        assertThat(e.get("restarting").booleanValue()).isFalse();
        assertThat(e.get("exited_at").stringValue()).endsWith("Z");
    }

    @Test
    void the_exit_knob_sets_the_exit_code_and_the_marker() {
        JsonNode m = run("FLAUDE_EMULATOR_EXIT", "3");

        assertThat(events(m, "")
                        .get(0)
                        .get("request")
                        .get("exit_event")
                        .get("exit_code")
                        .intValue())
                .isEqualTo(3);
        assertThat(fly.logLines(APP, m.get("id").stringValue())).last().isEqualTo("[flaude:exit:3]");
        assertThat(machine(m.get("id").stringValue()).get("state").stringValue())
                .isEqualTo("stopped");
    }

    @Test
    void a_crash_exits_137_without_an_exit_marker() {
        JsonNode m = run("FLAUDE_EMULATOR_CRASH", "1");

        assertThat(events(m, "")
                        .get(0)
                        .get("request")
                        .get("exit_event")
                        .get("exit_code")
                        .intValue())
                .isEqualTo(137);
        assertThat(fly.logLines(APP, m.get("id").stringValue()))
                .isNotEmpty()
                .noneMatch(line -> line.startsWith("[flaude:exit:"));
    }

    @Test
    void the_fail_knob_ends_the_machine_failed_with_an_exit_event() {
        JsonNode m = run("FLAUDE_EMULATOR_FAIL", "1", "FLAUDE_EMULATOR_EXIT", "1");

        assertThat(machine(m.get("id").stringValue()).get("state").stringValue())
                .isEqualTo("failed");
        JsonNode exit = events(m, "").get(0);
        assertThat(exit.get("type").stringValue()).isEqualTo("exit");
        assertThat(exit.get("status").stringValue()).isEqualTo("failed");
        assertThat(exit.get("request").get("exit_event").get("exit_code").intValue())
                .isEqualTo(1);
    }

    @Test
    void the_machine_itself_carries_its_events() {
        JsonNode m = run();

        assertThat(machine(m.get("id").stringValue())
                        .get("events")
                        .get(0)
                        .get("type")
                        .stringValue())
                .isEqualTo("exit");
    }

    @Test
    void limit_caps_the_events_and_more_than_50_reads_as_50() {
        JsonNode m = run();

        assertThat(events(m, "?limit=2")).hasSize(2);
        assertThat(events(m, "?limit=500")).hasSize(3);
        assertThat(api.get(MACHINES + "/" + m.get("id").stringValue() + "/events?limit=0")
                        .statusCode())
                .isEqualTo(400);
    }
}

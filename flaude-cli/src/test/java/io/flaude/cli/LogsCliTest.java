package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Await;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.MachineState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code flaude logs MACHINE_ID -a APP [--follow] [--json]}. */
class LogsCliTest extends CliTestBase {
    private Machine ticking(int ticks, long millis) {
        return fly.machines(APP)
                .create(
                        MachineConfig.builder("ghcr.io/flaude-java/flaude-agent:0.1.0")
                                .env(Map.of(
                                        "CLAUDE_CODE_OAUTH_TOKEN",
                                        "sk-ant-oat-test-token",
                                        "FLAUDE_PROMPT",
                                        "count",
                                        "FLAUDE_EMULATOR_SLEEP_MS",
                                        Long.toString(millis),
                                        "FLAUDE_EMULATOR_TICKS",
                                        Integer.toString(ticks)))
                                .restartPolicy("no")
                                .build(),
                        "iad");
    }

    @Test
    void logs_prints_a_machines_lines_oldest_first_with_time_and_region_then_exits() {
        Machine m = fly.machines(APP).waitFor(ticking(2, 50), MachineState.STOPPED, Duration.ofSeconds(20));

        CliRun r = run("logs", m.id(), "-a", APP);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).last().asString().endsWith(" iad [flaude:exit:0]");
        assertThat(r.out()).containsSubsequence("[flaude] tick 1 of 2", "[flaude] tick 2 of 2", "[flaude:exit:0]");
        assertThat(r.out().lines()).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z iad .*"));
    }

    @Test
    void logs_json_prints_one_object_a_line() {
        Machine m = fly.machines(APP).waitFor(ticking(1, 0), MachineState.STOPPED, Duration.ofSeconds(20));

        CliRun r = run("logs", m.id(), "-a", APP, "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines())
                .allMatch(l -> l.startsWith("{\"timestamp\":\"") && l.contains("\"instance\":\"" + m.id() + "\""));
        assertThat(r.out()).contains("\"message\":\"[flaude:exit:0]\"");
    }

    @Test
    void logs_follow_prints_lines_as_they_come_until_interrupted() throws InterruptedException {
        Machine m = ticking(3, 3000);
        StringWriter out = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread cli = Thread.ofVirtual()
                .start(() -> code.set(FlaudeCli.commandLine(
                                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), env)
                        .execute("logs", m.id(), "-a", APP, "--follow")));

        Await.until(
                "the first tick", Duration.ofSeconds(10), () -> out.toString().contains("tick 1 of 3"));
        boolean stillRunning = fly.machines(APP).get(m.id()).state() == MachineState.STARTED;
        cli.interrupt();
        cli.join(Duration.ofSeconds(5));

        assertThat(out.toString()).contains("[flaude] tick 1 of 3");
        assertThat(stillRunning).as("the line came while the machine ran").isTrue();
        assertThat(code.get()).isZero();
    }
}

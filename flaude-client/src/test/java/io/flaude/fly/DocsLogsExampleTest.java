package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/logs.md, as written there. */
class DocsLogsExampleTest extends EmulatorTestBase {
    @Test
    void following_a_machine_prints_its_lines_and_finish_returns_them_with_the_marker() {
        String app = APP;
        MachineConfig config = MachineConfig.builder("ghcr.io/flaude-java/flaude-agent:0.1.0")
                .env(Map.of("CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat-test-token", "FLAUDE_PROMPT", "hello"))
                .restartPolicy("no").build();
        List<LogLine> seen;

        Machine machine = fly.machines(app).create(config, "iad");
        try (LogFollow follow = fly.logs(app).follow(machine.id(), LogPosition.forNew(machine),
                line -> System.out.println(line.message()))) {
            fly.machines(app).waitFor(machine, MachineState.STOPPED, Duration.ofMinutes(30));
            List<LogLine> lines = follow.finish(line -> line.message().startsWith("[flaude:exit:"), Duration.ofSeconds(3));
            seen = lines;
        }

        assertThat(seen).extracting(LogLine::message).last().isEqualTo("[flaude:exit:0]");
    }

    @Test
    void a_client_reads_nats_where_it_is_told_and_builds_without_connecting() {
        try (FlyClient fly = FlyClient.builder()
                .token(emulator.token()).baseUri(emulator.baseUri())
                .natsLogs("nats://[fdaa::3]:4223", "my-org")
                .build()) {
            assertThat(fly.logs(APP)).isNotNull();
        }
    }

    @Test
    void a_drain_starts_on_loopback_with_its_token() {
        String drainToken = "0123456789abcdef0123456789abcdef";

        LogDrain drain = fly.startLogDrain(0, drainToken);

        assertThat(drain.uri().toString()).startsWith("http://127.0.0.1:");
        drain.close();
    }
}

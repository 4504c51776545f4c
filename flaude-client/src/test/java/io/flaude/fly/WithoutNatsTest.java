package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The NATS client is an optional dependency: without it, a client asked for Fly's stream says so and polls. */
class WithoutNatsTest extends EmulatorTestBase {
    /** Run in a JVM whose classpath has no io.nats:jnats: follows one machine to its end with NATS asked for. */
    public static void main(String[] args) {
        try (FlyClient fly = FlyClient.builder()
                .environment(name -> null)
                .baseUri(args[0])
                .token(args[1])
                .rateBudget(RateBudget.unlimited())
                .natsLogs("nats://127.0.0.1:1", "personal")
                .build()) {
            Machine m = fly.machines(args[2]).create(LogFollowTest.ticking(2, 100), "iad");
            try (LogFollow follow = fly.logs(args[2]).follow(m.id(), LogPosition.forNew(m), line -> {})) {
                fly.machines(args[2]).waitFor(m, MachineState.STOPPED, Duration.ofSeconds(20));
                follow.finish(line -> line.message().startsWith("[flaude:exit:"), Duration.ofSeconds(3))
                        .forEach(line -> System.out.println(line.message()));
            }
        }
    }

    @Test
    void without_the_nats_client_on_the_classpath_the_client_warns_once_and_polls() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("jnats"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classpath).isNotEqualTo(System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        classpath,
                        WithoutNatsTest.class.getName(),
                        emulator.baseUri().toString(),
                        emulator.token(),
                        APP))
                .redirectErrorStream(true)
                .start();

        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("[flaude:exit:0]")
                .contains("needs the NATS client (io.nats:jnats)")
                .doesNotContain("NoClassDefFoundError");
    }
}

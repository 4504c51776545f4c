package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.FlyClient;
import io.flaude.fly.RateBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI as a process of its own ({@code io.flaude.cli.Main} in a separate JVM on this test's class
 * path) against a test's emulator, configured through its environment like a user's shell; its stdout and
 * stderr go to files in {@code home}, which is also its {@code FLAUDE_HOME}.
 */
final class CliProcess {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final Path home;

    private CliProcess(Process process, Path home) {
        this.process = process;
        this.home = home;
    }

    static CliProcess start(Path home, FlyEmulator emulator, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "io.flaude.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.putAll(environment(home, emulator));
        return new CliProcess(pb.start(), home);
    }

    /** The environment the CLI runs with: the emulator's address and token, a Claude token, {@code FLAUDE_HOME}. */
    static Map<String, String> environment(Path home, FlyEmulator emulator) {
        return Map.of(
                "FLY_API_TOKEN",
                emulator.token(),
                "FLY_API_HOSTNAME",
                emulator.baseUri().toString(),
                "CLAUDE_CODE_OAUTH_TOKEN",
                "sk-ant-oat-process-test",
                "FLAUDE_HOME",
                home.toString());
    }

    /** A client of the emulator for the test's own checks (no rate budget: the test is not what is measured). */
    static FlyClient client(FlyEmulator emulator) {
        return FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .rateBudget(RateBudget.unlimited())
                .build();
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the JVM ends at once, running no cleanup; returns once it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** The exit code, once the CLI has exited (within {@link #PATIENCE}). */
    int exit() throws InterruptedException {
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("the CLI exits; stderr: %s", err())
                .isTrue();
        return process.exitValue();
    }

    String err() {
        try {
            return Files.readString(home.resolve("err.txt"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}

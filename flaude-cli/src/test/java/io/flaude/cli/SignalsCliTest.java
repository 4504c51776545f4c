package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and kill, sent as real signals to the real CLI process (a separate JVM running
 * {@code io.flaude.cli.Main} against the test's emulator): nothing is left running or half made.
 */
@FlyEmulatorTest(detachDelayMs = 200)
class SignalsCliTest {
    private static final String APP = "signals";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path home;

    FlyEmulator emulator;
    FlyClient fly;
    private CliProcess current;

    @BeforeEach
    void connect() {
        fly = CliProcess.client(emulator);
        fly.apps().create(APP, Apps.DEFAULT_ORG);
    }

    @AfterEach
    void disconnect() {
        fly.close();
    }

    private CliProcess cli(String... args) throws IOException {
        current = CliProcess.start(home, emulator, args);
        return current;
    }

    /**
     * Sends the signal. A process started with SIGINT ignored (a job a non-interactive shell put in the
     * background) passes that on to its children, and an ignored Ctrl-C is not the CLI's to handle: then the
     * SIGINT tests do not apply.
     */
    private static void signal(CliProcess p, String name) throws Exception {
        if (name.equals("INT")) {
            assumeFalse(sigintIgnoredHere(), "SIGINT is ignored by this test's process, hence by the CLI it starts");
        }
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(p.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }

    private Machine awaitMachine(Predicate<Machine> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var match = fly.machines(APP).list().stream().filter(condition).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("no such machine in time; stderr: " + err());
    }

    private String err() {
        return current.err();
    }

    private int exit(CliProcess p) throws InterruptedException {
        return p.exit();
    }

    @Test
    void ctrl_c_during_run_destroys_the_machine_and_says_so() throws Exception {
        CliProcess p = cli("run", "-a", APP, "--prompt", "long", "--env", "FLAUDE_EMULATOR_SLEEP_MS=30000");
        Machine m = awaitMachine(x -> x.state() == MachineState.STARTED);

        signal(p, "INT");

        assertThat(exit(p)).isEqualTo(130);
        assertThat(err()).contains("Interrupted: machine " + m.id() + " destroyed");
        assertThat(fly.machines(APP).get(m.id()).isGone()).isTrue();
    }

    @Test
    void sigterm_during_run_destroys_the_machine_too() throws Exception {
        CliProcess p = cli("run", "-a", APP, "--prompt", "long", "--env", "FLAUDE_EMULATOR_SLEEP_MS=30000");
        Machine m = awaitMachine(x -> x.state() == MachineState.STARTED);

        signal(p, "TERM");

        assertThat(exit(p)).isEqualTo(143);
        assertThat(fly.machines(APP).get(m.id()).isGone()).isTrue();
    }

    @Test
    void nothing_is_printed_after_the_report_of_a_clean_cleanup() throws Exception {
        CliProcess p = cli("run", "-a", APP, "--prompt", "long", "--env", "FLAUDE_EMULATOR_SLEEP_MS=30000");
        Machine m = awaitMachine(x -> x.state() == MachineState.STARTED);

        signal(p, "TERM");

        assertThat(exit(p)).isEqualTo(143);
        assertThat(err().strip())
                .endsWith("Interrupted: machine " + m.id() + " destroyed")
                .doesNotContain("Error:");
    }

    @Test
    void ctrl_c_during_sessions_create_rolls_back_machine_volume_and_record() throws Exception {
        CliProcess p =
                cli("sessions", "create", "-a", APP, "--prompt", "long", "--env", "FLAUDE_EMULATOR_SLEEP_MS=30000");
        awaitMachine(x -> x.state() == MachineState.STARTED);

        signal(p, "INT");

        assertThat(exit(p)).isEqualTo(130);
        assertThat(err()).contains("Interrupted: the session was rolled back");
        assertThat(emulator.liveResources()).isEmpty();
        var env = Map.of("FLAUDE_HOME", home.toString());
        assertThat(CliRun.of(env, "sessions", "list", "--json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void ctrl_c_during_a_turn_stops_the_machine_and_the_next_turn_works_at_once() throws Exception {
        var env = CliProcess.environment(home, emulator);
        CliRun created = CliRun.of(env, "sessions", "create", "-a", APP, "--prompt", "first", "--json");
        assertThat(created.code()).as(created.err()).isZero();
        String id = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(created.out())
                .path("session_id")
                .asString();
        CliProcess p = cli("sessions", "turn", id, "--prompt", "long", "--env", "FLAUDE_EMULATOR_SLEEP_MS=30000");
        Machine m = awaitMachine(x -> x.state() == MachineState.STARTED);

        signal(p, "INT");

        assertThat(exit(p)).isEqualTo(130);
        assertThat(err()).contains("Interrupted: machine " + m.id() + " stopped");
        assertThat(fly.machines(APP).get(m.id()).state()).isEqualTo(MachineState.STOPPED);
        assertThat(fly.machines(APP).findLease(m.id()))
                .as("the lease was released")
                .isEmpty();
        CliRun next = CliRun.of(env, "sessions", "turn", id, "--prompt", "again");
        assertThat(next.code()).as(next.err()).isZero();
        CliRun.of(env, "sessions", "destroy", id);
    }

    /** Whether this JVM was started with SIGINT ignored (bit 2 of /proc/self/status's SigIgn mask). */
    private static boolean sigintIgnoredHere() throws java.io.IOException {
        java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
        if (!java.nio.file.Files.exists(status)) {
            return false;
        }
        return java.nio.file.Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseLong(line.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> (mask & 0x2) != 0);
    }
}

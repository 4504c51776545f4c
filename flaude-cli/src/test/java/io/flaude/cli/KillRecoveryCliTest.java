package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.agent.Session;
import io.flaude.agent.SqliteSessionStore;
import io.flaude.emulator.Await;
import io.flaude.emulator.Fault;
import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the real CLI in each command's risky window (held open by the emulator: a slow agent, a
 * delayed or refused request), then the documented recovery, {@code flaude sessions reap -a APP} with its
 * defaults, then "nothing left and nothing lost". The kill comes as soon as the window is reached, which the
 * emulator holds open far longer; seeded random moments over whole commands are {@code tools/crash-probe.py}'s. The time
 * a killed process's marks take to lapse (15 s) is stood in for by lapsing them: the emulator's leases, the
 * store's record marks.
 */
@FlyEmulatorTest(detachDelayMs = 200)
class KillRecoveryCliTest {
    private static final String APP = "kills";
    private static final Duration PATIENCE = CliProcess.PATIENCE;

    @TempDir
    Path home;

    FlyEmulator emulator;
    FlyClient fly;
    private Map<String, String> env;

    @BeforeEach
    void connect() {
        fly = CliProcess.client(emulator);
        fly.apps().create(APP, Apps.DEFAULT_ORG);
        env = CliProcess.environment(home, emulator);
    }

    @AfterEach
    void disconnect() {
        fly.close();
    }

    /** Kills the process inside the window it has reached (held open far longer). */
    private void killInWindow(CliProcess p) throws InterruptedException {
        p.kill();
    }

    private Machine await(String what, Predicate<Machine> condition) {
        Machine[] found = new Machine[1];
        Await.until(what, PATIENCE, () -> {
            var match = fly.machines(APP).list().stream().filter(condition).findFirst();
            match.ifPresent(m -> found[0] = m);
            return match.isPresent();
        });
        return found[0];
    }

    /** What 15 s do for a killed process: its leases and its records' marks lapse. */
    private void marksLapse() {
        fly.machines(APP).list().forEach(m -> emulator.lapseLeaseForTest(APP, m.id()));
        try (SqliteSessionStore store = new SqliteSessionStore(home.resolve("sessions.db"))) {
            for (Session s : store.list()) {
                if (s.heldUntil() != null) {
                    store.save(s.toBuilder()
                            .heldUntil(Instant.now().minusSeconds(1))
                            .build());
                }
            }
        }
    }

    private CliRun recover() {
        CliRun reap = CliRun.of(env, "sessions", "reap", "-a", APP);
        assertThat(reap.code()).as("reap: %s %s", reap.out(), reap.err()).isZero();
        return reap;
    }

    private void assertNothingLeft() {
        assertThat(emulator.liveResources()).isEmpty();
        assertThat(fly.secrets(APP).list()).isEmpty();
        assertThat(CliRun.of(env, "sessions", "list", "--json").out().strip()).isEqualTo("[ ]");
    }

    private String createSession() {
        CliRun created = CliRun.of(env, "sessions", "create", "-a", APP, "--prompt", "first", "--json");
        assertThat(created.code()).as(created.err()).isZero();
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(created.out())
                .path("session_id")
                .asString();
    }

    @Test
    void a_create_killed_during_its_first_turn_is_rolled_back_by_the_reap() throws Exception {
        CliProcess p = CliProcess.start(
                home,
                emulator,
                "sessions",
                "create",
                "-a",
                APP,
                "--prompt",
                "x",
                "--env",
                "FLAUDE_EMULATOR_SLEEP_MS=30000");
        await("the first turn", m -> m.state() == MachineState.STARTED);

        killInWindow(p);
        marksLapse();

        assertThat(recover().out()).contains("creation stopped");
        assertNothingLeft();
    }

    @Test
    void a_create_killed_before_its_machine_is_rolled_back_by_the_reap() throws Exception {
        emulator.faults().script("POST", "/v1/apps/*/machines", Fault.delay(Duration.ofMillis(1500)));
        CliProcess p = CliProcess.start(home, emulator, "sessions", "create", "-a", APP, "--prompt", "x");
        Await.until(
                "the create's machine request, held",
                PATIENCE,
                () -> emulator.faults().remaining("POST", "/v1/apps/*/machines") == 0);

        killInWindow(p);
        await("the machine its request made after it died", m -> m.metadata("session_id")
                .isPresent());
        marksLapse();

        recover();
        assertNothingLeft();
    }

    @Test
    void a_turn_killed_while_its_agent_runs_is_settled_by_the_reap_and_nothing_is_lost() throws Exception {
        String id = createSession();
        CliProcess p = CliProcess.start(
                home, emulator, "sessions", "turn", id, "--prompt", "two", "--env", "FLAUDE_EMULATOR_SLEEP_MS=1500");
        Machine m = await("the turn", x -> x.state() == MachineState.STARTED);

        killInWindow(p);
        await("the agent's end", x -> x.id().equals(m.id()) && x.state() == MachineState.STOPPED);
        marksLapse();

        assertThat(recover().out()).contains("abandoned turn");
        CliRun next = CliRun.of(env, "sessions", "turn", id, "--prompt", "three");
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.out())
                .as("the killed turn ran to its end: the next one remembers it")
                .contains("2 earlier turns");
        CliRun.of(env, "sessions", "destroy", id);
        assertNothingLeft();
    }

    @Test
    void a_destroy_killed_between_machine_and_volume_is_finished_by_the_reap() throws Exception {
        String id = createSession();
        Fault[] refusals = new Fault[60];
        java.util.Arrays.fill(refusals, Fault.status(503, "{\"error\":\"held\"}"));
        emulator.faults().script("DELETE", "/v1/apps/*/volumes/*", refusals);
        CliProcess p = CliProcess.start(home, emulator, "sessions", "destroy", id);
        Await.until("the machine's destroy", PATIENCE, () -> fly.machines(APP)
                .list()
                .isEmpty());

        killInWindow(p);
        emulator.faults().clear();

        assertThat(recover().out()).contains("cut short");
        assertNothingLeft();
    }

    /** A one-shot run whose agent sleeps this long, once its machine has started. */
    private CliProcess startedRun(int agentMillis) throws Exception {
        CliProcess p = CliProcess.start(
                home, emulator, "run", "-a", APP, "--prompt", "x", "--env", "FLAUDE_EMULATOR_SLEEP_MS=" + agentMillis);
        await("the run", m -> m.state() == MachineState.STARTED);
        return p;
    }

    @Test
    void a_run_killed_while_its_agent_runs_leaves_nothing_after_the_reap() throws Exception {
        CliProcess p = startedRun(30_000);

        killInWindow(p);
        marksLapse();

        recover();
        assertNothingLeft();
    }

    @Test
    void a_batch_killed_while_its_agents_run_leaves_nothing_after_the_reap() throws Exception {
        java.nio.file.Files.writeString(home.resolve("prompts.txt"), "one\ntwo\n");
        CliProcess p = CliProcess.start(
                home,
                emulator,
                "batch",
                "-a",
                APP,
                "--prompts-file",
                home.resolve("prompts.txt").toString(),
                "-c",
                "2",
                "--env",
                "FLAUDE_EMULATOR_SLEEP_MS=30000");
        Await.until(
                "both runs",
                PATIENCE,
                () -> fly.machines(APP).list().stream()
                                .filter(m -> m.state() == MachineState.STARTED)
                                .count()
                        == 2);

        killInWindow(p);
        marksLapse();

        recover();
        assertNothingLeft();
    }

    @Test
    void a_reap_with_no_grace_during_another_process_run_harms_nothing() throws Exception {
        CliProcess p = startedRun(1500);

        CliRun reap = CliRun.of(env, "sessions", "reap", "-a", APP, "--grace", "0s");

        assertThat(reap.out().strip()).isEqualTo("Nothing to reap");
        assertThat(p.exit()).as(p.err()).isZero();
        assertNothingLeft();
    }
}

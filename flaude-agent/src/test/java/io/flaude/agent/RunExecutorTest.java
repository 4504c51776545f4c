package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Await;
import io.flaude.emulator.Fault;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.FlyClient;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.RateBudget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many runs at once: bounded, tagged, isolated from each other, and cancelled without a leak. */
@FlyEmulatorTest(detachDelayMs = 300, requireNothingLive = true)
class RunExecutorTest extends AgentTestBase {

    private static List<AgentConfig> configs(int n, Map<String, String> env) {
        return IntStream.range(0, n).mapToObj(i -> config("run " + i, env)).toList();
    }

    private static final RunOptions OPTIONS = RunOptions.DEFAULTS.withTimeout(TIMEOUT);

    @Test
    void a_batch_runs_every_prompt_tags_each_machine_and_leaves_nothing() {
        try (RunExecutor executor = new RunExecutor(fly, 3)) {
            BatchResult r = executor.runAll(APP, configs(6, Map.of()), OPTIONS);

            assertThat(r.succeeded()).isEqualTo(6);
            assertThat(r.items()).extracting(BatchItem::index).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(r.items())
                    .extracting(BatchItem::prompt)
                    .containsExactly("run 0", "run 1", "run 2", "run 3", "run 4", "run 5");
            assertThat(fly.machines(APP)
                            .list(MachineListOptions.withMetadata(RunExecutor.BATCH_METADATA, r.batchId())
                                    .includingDeleted()))
                    .hasSize(6);
        }
    }

    @Test
    void a_batch_sets_its_secrets_once_per_token_pair_and_unsets_them_when_it_ends() {
        List<AgentConfig> runs = new java.util.ArrayList<>(configs(4, Map.of()));
        runs.add(runs.getFirst().toBuilder().claudeToken("sk-ant-oat-other").build());
        try (RunExecutor executor = new RunExecutor(fly, 2)) {
            BatchResult r = executor.runAll(APP, runs, OPTIONS);

            assertThat(r.succeeded()).isEqualTo(5);
            assertThat(emulator.journal().matching("POST", "/v1/apps/*/secrets"))
                    .as("two pairs set, then both unset in one change each")
                    .hasSize(4);
            assertThat(fly.secrets(APP).list()).isEmpty();
        }
    }

    @Test
    void a_batch_whose_secrets_cannot_be_unset_says_so_in_its_result() {
        emulator.faults()
                .script(
                        "POST",
                        "/v1/apps/*/secrets",
                        Fault.delay(Duration.ZERO),
                        Fault.status(400, "{\"error\":\"unset refused\"}"));
        try (RunExecutor executor = new RunExecutor(fly, 1)) {
            BatchResult r = executor.runAll(APP, configs(2, Map.of()), OPTIONS);

            assertThat(r.succeeded()).isEqualTo(2);
            assertThat(r.cleanupFailures()).singleElement().asString().contains("unset refused");
        }
    }

    @Test
    void one_run_failing_never_stops_the_others() {
        List<AgentConfig> runs = new java.util.ArrayList<>(configs(3, Map.of()));
        runs.add(1, config("fails", Map.of("FLAUDE_EMULATOR_EXIT", "7")));
        try (RunExecutor executor = new RunExecutor(fly, 2)) {
            BatchResult r = executor.runAll(APP, runs, OPTIONS);

            assertThat(r.succeeded()).isEqualTo(3);
            assertThat(r.items().get(1).result().exitCode()).isEqualTo(7);
            assertThat(r.items().get(1).succeeded()).isFalse();
        }
    }

    @Test
    void at_most_concurrency_runs_are_on_fly_at_once() throws InterruptedException {
        try (RunExecutor executor = new RunExecutor(fly, 2)) {
            RunExecutor.Batch batch =
                    executor.submit(APP, configs(5, Map.of("FLAUDE_EMULATOR_SLEEP_MS", "300")), OPTIONS);
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            Await.until("the batch's end", Duration.ofSeconds(20), () -> {
                most.accumulateAndGet(liveMachines().size(), Math::max);
                return batch.isDone();
            });
            assertThat(batch.await().succeeded()).isEqualTo(5);
            assertThat(most.get()).as("machines on Fly at once").isBetween(1, 2);
        }
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines")).hasSize(5);
    }

    @Test
    void cancelling_a_batch_destroys_its_machines_and_leaves_another_batch_alone() {
        try (RunExecutor executor = new RunExecutor(fly, 4)) {
            RunExecutor.Batch slow =
                    executor.submit(APP, configs(3, Map.of("FLAUDE_EMULATOR_SLEEP_MS", "20000")), OPTIONS);
            RunExecutor.Batch quick = executor.submit(APP, configs(1, Map.of()), OPTIONS);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (liveMachines().size() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            slow.cancel();
            BatchResult cancelled = slow.await();

            assertThat(cancelled.succeeded()).isZero();
            assertThat(cancelled.items()).allSatisfy(i -> assertThat(i.error()).isNotNull());
            assertThat(quick.await().succeeded()).isEqualTo(1);
            assertThat(liveMachines()).isEmpty();
        }
    }

    @Test
    void under_flys_rate_limits_a_batch_waits_its_turn_and_draws_no_429() {
        emulator.conditions().rateLimits(true);
        try (FlyClient budgeted = FlyClient.builder()
                        .baseUri(emulator.baseUri())
                        .token(emulator.token())
                        .rateBudget(RateBudget.fly())
                        .build();
                RunExecutor executor = new RunExecutor(budgeted, 8)) {
            BatchResult r = executor.runAll(APP, configs(6, Map.of()), OPTIONS);

            assertThat(r.succeeded()).isEqualTo(6);
        }
        assertThat(emulator.conditions().refusedByRateLimits()).isZero();
    }
}

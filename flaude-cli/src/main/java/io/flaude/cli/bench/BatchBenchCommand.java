package io.flaude.cli.bench;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.BatchResult;
import io.flaude.agent.RunExecutor;
import io.flaude.agent.RunOptions;
import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.EmbeddedClient;
import io.flaude.cli.support.EmulatorConditionsOptions;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flaude bench batch --runs N [--profile fly]}: the makespan of N one-shot runs through the
 * executor, against the floor Fly's rate limits set (machine creates at 1/s per app, bursts of 3).
 */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = "Makespan of N runs through the executor on an embedded emulator, against the floor of Fly's"
                + " rate limits.")
public final class BatchBenchCommand extends CliCommand {
    private static final String APP = "flaude-bench-batch";

    @Option(names = "--runs", defaultValue = "30", description = "Runs in the batch (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = {"-c", "--concurrency"},
            defaultValue = "16",
            description = "Runs at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Mixin
    EmulatorConditionsOptions conditions;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (FlyEmulator emulator = conditions
                        .applyTo(FlyEmulator.builder().detachDelay(Duration.ofMillis(50)))
                        .start();
                FlyClient fly = EmbeddedClient.builder(emulator).build();
                RunExecutor executor = new RunExecutor(fly, concurrency)) {
            fly.apps().ensure(APP, Apps.DEFAULT_ORG);
            List<AgentConfig> configs = IntStream.range(0, runs)
                    .mapToObj(i -> AgentConfig.builder()
                            .claudeToken("bench-token")
                            .prompt("run " + i)
                            .env(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "0"))
                            .build())
                    .toList();
            Duration one = executor.runAll(APP, configs.subList(0, 1), RunOptions.DEFAULTS)
                    .elapsed();
            emulator.conditions().rateLimits(emulator.conditions().rateLimitsEnforced()); // fresh buckets
            long before = emulator.conditions().refusedByRateLimits();
            BatchResult r = executor.runAll(APP, configs, RunOptions.DEFAULTS);
            boolean limited = emulator.conditions().rateLimitsEnforced();
            double floor = (limited ? Math.max(0, runs - 3) : 0) + one.toMillis() / 1000.0;
            double makespan = r.elapsed().toMillis() / 1000.0;
            String hard = conditions.describe();
            out.printf(
                    "flaude bench batch: %d runs, %d at once, embedded emulator%s%n",
                    runs, concurrency, hard.isEmpty() ? "" : " (" + hard + ")");
            out.printf(
                    "makespan %.2f s; floor %.2f s (%s one run of %.2f s); ratio %.2f%n",
                    makespan,
                    floor,
                    limited ? "creates at 1/s after a burst of 3, then" : "no rate limits:",
                    one.toMillis() / 1000.0,
                    makespan / floor);
            out.printf(
                    "succeeded %d of %d; 429s the emulator answered: %d; tries repeated: %d;"
                            + " waits for the rate budget: %d%n",
                    r.succeeded(),
                    runs,
                    emulator.conditions().refusedByRateLimits() - before,
                    fly.metrics().retries(),
                    fly.metrics().budgetWaits());
        }
        return 0;
    }
}

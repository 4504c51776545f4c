package io.flaude.cli.bench;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.InMemorySessionStore;
import io.flaude.agent.Session;
import io.flaude.agent.SessionOptions;
import io.flaude.agent.Sessions;
import io.flaude.agent.TurnOptions;
import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.EmbeddedClient;
import io.flaude.cli.support.EmulatorConditionsOptions;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flaude bench sessions}: the time a turn costs on top of the agent (the agent exits at once),
 * and the heap held by many live sessions in one JVM. Always on an embedded emulator, whose own
 * memory is included in the heap figure.
 */
@Command(
        name = "sessions",
        mixinStandardHelpOptions = true,
        description = {
            "Turn overhead (the agent exits at once) and the heap of many live sessions in one JVM,",
            "on an embedded emulator (its memory counts in the heap figure)."
        })
public final class SessionBenchCommand extends CliCommand {
    private static final String APP = "flaude-bench-sessions";

    @Option(
            names = "--turns",
            defaultValue = "200",
            description = "Turns timed on one session (default: ${DEFAULT-VALUE}).")
    int turns;

    @Mixin
    EmulatorConditionsOptions conditions;

    @Option(
            names = "--sessions",
            defaultValue = "1000",
            description = "Live sessions held at once (default: ${DEFAULT-VALUE}).")
    int sessionCount;

    @Option(
            names = "--parallel",
            defaultValue = "64",
            description = "Sessions created at a time (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        FlyEmulator.Builder builder = conditions.applyTo(FlyEmulator.builder().detachDelay(Duration.ofMillis(50)));
        try (FlyEmulator emulator = builder.start();
                FlyClient fly = EmbeddedClient.builder(emulator).build();
                Sessions sessions = new Sessions(fly, new InMemorySessionStore(), Duration.ofSeconds(30))) {
            fly.apps().ensure(APP, Apps.DEFAULT_ORG);
            AgentConfig config = AgentConfig.builder()
                    .claudeToken("bench-token")
                    .prompt("hi")
                    .env(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "0"))
                    .build();
            SessionOptions options = SessionOptions.DEFAULTS.withTurnTimeout(Duration.ofMinutes(2));
            String hard = conditions.describe();
            out.printf(
                    "flaude bench sessions on an embedded emulator (%s%s)%n",
                    emulator.baseUri(), hard.isEmpty() ? "" : ", " + hard);
            timeTurns(sessions, config, options, emulator, out);
            if (sessionCount > 0) {
                emulator.journal().clear();
                holdMany(sessions, config, options, () -> emulator.journal().clear(), out);
            }
        }
        return 0;
    }

    private void timeTurns(
            Sessions sessions, AgentConfig config, SessionOptions options, FlyEmulator emulator, PrintWriter out) {
        Session s = sessions.create(APP, config, options).session();
        int warmup = Math.min(20, Math.max(2, turns / 10));
        Latencies latencies = new Latencies(turns);
        List<Integer> machineCalls = new ArrayList<>();
        List<Integer> logCalls = new ArrayList<>();
        for (int i = 0; i < turns + warmup; i++) {
            emulator.journal().clear();
            long t0 = System.nanoTime();
            sessions.turn(s.sessionId(), TurnOptions.prompt("turn " + i).withTimeout(options.turnTimeout()));
            long elapsed = System.nanoTime() - t0;
            if (i >= warmup) {
                latencies.record(elapsed);
                var exchanges = emulator.journal().exchanges();
                int logs = (int) exchanges.stream()
                        .filter(e -> e.path().startsWith("/api/"))
                        .count();
                logCalls.add(logs);
                machineCalls.add(exchanges.size() - logs);
            }
        }
        sessions.destroy(s.sessionId());
        double latency = (emulator.conditions().minLatency().toNanos()
                        + emulator.conditions().maxLatency().toNanos())
                / 2e6;
        out.printf(
                "turn latency over %d turns (after %d warm-up), agent exits at once: p50 %.1f ms, p99 %.1f ms%n",
                turns, warmup, latencies.percentileMillis(50), latencies.percentileMillis(99));
        out.printf(
                "requests per turn (median): %d to the Machines API, %d to the logs API%s%n",
                median(machineCalls),
                median(logCalls),
                latency > 0
                        ? String.format(
                                java.util.Locale.ROOT,
                                "; at %.0f ms a request, p50 = %.1f round trips",
                                latency,
                                latencies.percentileMillis(50) / latency)
                        : "");
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    /** @param forgetJournal drops the emulator's request journal (a test aid, not session state) before measuring */
    private void holdMany(
            Sessions sessions, AgentConfig config, SessionOptions options, Runnable forgetJournal, PrintWriter out)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long started = System.nanoTime();
        List<Session> live = new ArrayList<>();
        Semaphore slots = new Semaphore(parallel);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Session>> futures = new ArrayList<>();
            for (int i = 0; i < sessionCount; i++) {
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return sessions.create(APP, config, options).session();
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<Session> f : futures) {
                live.add(f.get());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        forgetJournal.run();
        long held = usedAfterGc(memory) - before;
        out.printf(
                "%d live sessions created in %.1f s (%d at a time, each: volume, machine, first turn); heap they hold,"
                        + " client and emulator together: %d MB (goal <= 256 MB)%n",
                live.size(), seconds, parallel, held >> 20);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            live.forEach(s -> pool.submit(() -> {
                slots.acquireUninterruptibly();
                try {
                    return sessions.destroy(s.sessionId());
                } finally {
                    slots.release();
                }
            }));
        }
        out.printf(
                "all %d sessions destroyed; %d left in the store%n",
                live.size(), sessions.list().size());
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

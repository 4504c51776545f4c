package io.flaude.cli.bench;

import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.EmbeddedClient;
import io.flaude.cli.support.EmulatorConditionsOptions;
import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.NatsServer;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyApiException;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyValidationException;
import io.flaude.fly.LogFollow;
import io.flaude.fly.LogPosition;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.MachineState;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flaude bench logs}: how late a printed line reaches its callback, and how many requests the
 * logs API gets, with 1, 10 and 50 machines printing at once; by polling, and over a real NATS server
 * when one is installed.
 */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "Line latency (agent prints -> callback) and logs-API requests/s at 1, 10 and 50 concurrent"
                    + " turns, polling, over NATS and through a log drain, on an embedded emulator.",
            "NATS needs a nats-server binary (Debian: apt-get install nats-server); without one only polling runs."
        })
public final class LogBenchCommand extends CliCommand {
    private static final String APP = "flaude-bench-logs";
    private static final String ORG = Apps.DEFAULT_ORG;
    private static final String DRAIN_TOKEN = "bench-drain-token-0123456789";
    /** Vector's default batch interval. */
    private static final Duration SHIP_INTERVAL = Duration.ofSeconds(1);

    @Option(
            names = "--turns",
            split = ",",
            defaultValue = "1,10,50",
            description = "Concurrent turns to measure, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> turns;

    @Option(
            names = "--seconds",
            defaultValue = "6",
            description = "How long each agent prints (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--lines",
            defaultValue = "12",
            description = "Lines each agent prints over that time (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(
            names = "--transport",
            defaultValue = "all",
            paramLabel = "polling|nats|drain|all",
            description = "Which way lines come (default: ${DEFAULT-VALUE}; nats needs nats-server, drain has the"
                    + " emulator post batches each second as Fly's log shipper does).")
    String transport;

    @Mixin
    EmulatorConditionsOptions conditions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        boolean natsInstalled = NatsServer.binary().isPresent();
        List<String> modes =
                switch (transport) {
                    case "polling", "nats", "drain" -> List.of(transport);
                    case "all" -> natsInstalled ? List.of("polling", "nats", "drain") : List.of("polling", "drain");
                    default -> throw new FlyValidationException("--transport: use polling, nats, drain or all");
                };
        String hard = conditions.describe();
        out.printf(
                "flaude bench logs: each agent prints %d lines over %d s; embedded emulator%s%n",
                lines, seconds, hard.isEmpty() ? "" : " (" + hard + ")");
        if (!natsInstalled && transport.equals("all")) {
            out.println("(no nats-server installed: no NATS figures)");
        }
        for (String mode : modes) {
            for (int n : turns) {
                measure(out, mode, n);
            }
        }
        out.println("latency: from the emulator stamping a printed line to the callback receiving it;"
                + " requests: to the logs API while the turns ran (app-wide reads, then one read per turn at its end)");
        return 0;
    }

    private void measure(PrintWriter out, String mode, int n) throws Exception {
        String token = "bench-logs-token";
        int drainPort = mode.equals("drain") ? freePort() : 0;
        FlyEmulator.Builder eb = FlyEmulator.builder().token(token);
        if (drainPort != 0) {
            eb.shipLogs(URI.create("http://127.0.0.1:" + drainPort + "/"), DRAIN_TOKEN, SHIP_INTERVAL);
        }
        try (NatsServer nats = mode.equals("nats") ? NatsServer.start(ORG, token) : null;
                FlyEmulator emulator = conditions
                        .applyTo(eb.natsUrl(nats == null ? null : nats.urlWithCredentials()))
                        .start()) {
            FlyClient.Builder b = EmbeddedClient.builder(emulator).token(token).natsLogs("off", null);
            if (nats != null) {
                b.natsLogs(nats.url(), ORG);
            }
            try (FlyClient fly = b.build();
                    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                if (drainPort != 0) {
                    fly.startLogDrain(drainPort, DRAIN_TOKEN);
                }
                fly.apps().ensure(APP, ORG);
                if (nats != null || drainPort != 0) {
                    warmUp(fly); // the live source delivers before the figures start
                }
                Latencies latency = new Latencies(n * (lines + 8));
                emulator.journal().clear();
                long start = System.nanoTime();
                List<Future<Integer>> done = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    done.add(pool.submit(() -> turn(fly, latency)));
                }
                int received = 0;
                for (Future<Integer> f : done) {
                    received += f.get();
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                long appWide = emulator.journal().matching("GET", "/api/v1/apps/" + APP + "/logs").stream()
                        .filter(e -> e.query() == null || !e.query().contains("instance="))
                        .count();
                long perMachine = emulator.journal()
                                .matching("GET", "/api/v1/apps/" + APP + "/logs")
                                .size()
                        - appWide;
                out.printf(
                        "%-7s %2d turns: line latency p50 %6.1f ms, p99 %6.1f ms (%d lines); logs API %.1f req/s"
                                + " (%d app-wide, %d per machine, over %.1f s)%n",
                        mode,
                        n,
                        latency.percentileMillis(50),
                        latency.percentileMillis(99),
                        received,
                        (appWide + perMachine) / elapsed,
                        appWide,
                        perMachine,
                        elapsed);
                out.flush();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private MachineConfig agent(int count, long millis) {
        return MachineConfig.builder("ghcr.io/flaude-java/flaude-agent:bench")
                .env(Map.of(
                        "CLAUDE_CODE_OAUTH_TOKEN",
                        "bench-claude-token",
                        "FLAUDE_PROMPT",
                        "count",
                        "FLAUDE_EMULATOR_SLEEP_MS",
                        Long.toString(millis),
                        "FLAUDE_EMULATOR_TICKS",
                        Integer.toString(count)))
                .restartPolicy("no")
                .autoDestroy(true)
                .build();
    }

    /** One machine printing its lines, followed to its exit marker; the number of tick lines received. */
    private int turn(FlyClient fly, Latencies latency) {
        Machine m = fly.machines(APP).create(agent(lines, seconds * 1000L), "iad");
        int[] ticks = {0};
        try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.forNew(m), line -> {
            if (line.message().contains(" tick ") && line.timestamp() != null) {
                latency.record(Duration.between(line.timestamp(), Instant.now()).toNanos());
                ticks[0]++;
            }
        })) {
            try {
                fly.machines(APP).awaitState(m, MachineState.STOPPED, Duration.ofSeconds(seconds + 60L));
            } catch (FlyApiException gone) {
                // auto-destroyed already (a wait on a destroyed machine may be refused): its lines still count
            }
            follow.finish(l -> l.message().startsWith("[flaude:exit:"), Duration.ofSeconds(3));
        }
        return ticks[0];
    }

    private void warmUp(FlyClient fly) throws InterruptedException {
        Machine m = fly.machines(APP).create(agent(30, 3000), "iad");
        try (LogFollow follow = fly.logs(APP).follow(m.id(), LogPosition.START, line -> {})) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (follow.lines().size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        Thread.sleep(3500); // the warm-up machine's own lines and reads end before the figures start
    }
}

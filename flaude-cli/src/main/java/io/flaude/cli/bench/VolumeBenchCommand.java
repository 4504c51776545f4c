package io.flaude.cli.bench;

import io.flaude.cli.CliCommand;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flaude bench volumes}: the same create+get+list+destroy cycles through bare HTTP and through
 * the flaude client, side by side, so the client's own cost shows as a ratio.
 */
@Command(name = "volumes", mixinStandardHelpOptions = true,
        description = {"Time create+get+list+destroy cycles through bare HTTP and through the flaude client.",
                "Uses an embedded emulator unless --api-url is given (then -t or FLY_API_TOKEN is needed)."})
public final class VolumeBenchCommand extends CliCommand {
    @Option(names = {"-c", "--concurrency"}, defaultValue = "4", description = "Concurrent workers (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = {"-n", "--ops"}, defaultValue = "400", description = "Measured cycles per variant (default: ${DEFAULT-VALUE}).")
    int cycles;

    @Option(names = "--warmup", defaultValue = "200", description = "Unmeasured cycles per variant first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--app-prefix", defaultValue = "flaude-bench", description = "Apps used: PREFIX-raw-N and PREFIX-client-N.")
    String appPrefix;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1 || cycles < 1 || warmup < 0) {
            throw new IllegalArgumentException("--concurrency and --ops must be at least 1, --warmup at least 0");
        }
        String url = root().apiUrlOption();
        FlyEmulator emulator = url == null ? FlyEmulator.start() : null;
        try (FlyClient setup = emulator == null ? root().client()
                : FlyClient.builder().baseUri(emulator.baseUri()).token(emulator.token()).build()) {
            String token = emulator == null ? tokenForRaw() : emulator.token();
            URI base = setup.baseUri();
            for (int w = 0; w < concurrency; w++) {
                setup.apps().ensure(appPrefix + "-raw-" + w, Apps.DEFAULT_ORG);
                setup.apps().ensure(appPrefix + "-client-" + w, Apps.DEFAULT_ORG);
            }
            AtomicInteger rawWorker = new AtomicInteger();
            AtomicInteger clientWorker = new AtomicInteger();
            java.util.function.Supplier<VolumeOps> raw =
                    () -> new RawOps(base, appPrefix + "-raw-" + rawWorker.getAndIncrement() % concurrency, token);
            java.util.function.Supplier<VolumeOps> client = () -> new ClientOps(
                    FlyClient.builder().baseUri(base).token(token).build(),
                    appPrefix + "-client-" + clientWorker.getAndIncrement() % concurrency);
            if (warmup > 0) {
                VolumeBench.run(raw, warmup, concurrency);
                VolumeBench.run(client, warmup, concurrency);
            }
            VolumeBench.Result rawResult = VolumeBench.run(raw, cycles, concurrency);
            VolumeBench.Result clientResult = VolumeBench.run(client, cycles, concurrency);
            print(base + (emulator == null ? "" : " (embedded emulator)"), rawResult, clientResult);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
        return 0;
    }

    private String tokenForRaw() {
        String t = root().tokenOption() != null ? root().tokenOption() : root().env(FlyClient.TOKEN_ENV);
        if (t == null) {
            throw new io.flaude.fly.FlyValidationException("No Fly API token: set FLY_API_TOKEN or pass -t");
        }
        return t;
    }

    private void print(String target, VolumeBench.Result raw, VolumeBench.Result client) {
        PrintWriter out = out();
        out.printf("flaude bench volumes: %d create+get+list+destroy cycles per variant, concurrency %d, %s%n",
                cycles, concurrency, target);
        out.printf("%-22s %18s %18s %20s%n", "", "bare HTTP", "flaude client", "ratio flaude/bare");
        out.printf("%-22s %18.0f %18.0f %20.2f%n", "requests/s", raw.requestsPerSecond(),
                client.requestsPerSecond(), client.requestsPerSecond() / raw.requestsPerSecond());
        for (String op : VolumeBench.OPS) {
            Latencies r = raw.latencies().get(op);
            Latencies c = client.latencies().get(op);
            out.printf("%-22s %18s %18s %20s%n", op + " p50 / p99 ms",
                    ms(r.percentileMillis(50), r.percentileMillis(99)),
                    ms(c.percentileMillis(50), c.percentileMillis(99)),
                    String.format("%.2f / %.2f", c.percentileMillis(50) / r.percentileMillis(50),
                            c.percentileMillis(99) / r.percentileMillis(99)));
        }
        out.flush();
    }

    private static String ms(double p50, double p99) {
        return String.format("%.2f / %.2f", p50, p99);
    }
}

package io.flaude.cli.bench;

import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.EmbeddedClient;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyValidationException;
import io.flaude.fly.RateBudget;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flaude bench volumes}: the same create+get+list+destroy cycles through bare HTTP and through
 * the flaude client, side by side, so the client's own cost shows as a ratio.
 */
@Command(
        name = "volumes",
        mixinStandardHelpOptions = true,
        description = {
            "Time create+get+list+destroy cycles through bare HTTP and through the flaude client.",
            "Uses an embedded emulator unless --api-url is given (then -t or FLY_API_TOKEN is needed)."
        })
public final class VolumeBenchCommand extends CliCommand {
    /** The variants take turns in this many rounds, so neither always meets a fuller server. */
    private static final int ROUNDS = 10;

    @Option(
            names = {"-c", "--concurrency"},
            defaultValue = "4",
            description = "Concurrent workers (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = {"-n", "--ops"},
            defaultValue = "400",
            description = "Measured cycles per variant (default: ${DEFAULT-VALUE}).")
    int cycles;

    @Option(
            names = "--warmup",
            defaultValue = "200",
            description = "Unmeasured cycles per variant first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--app-prefix",
            defaultValue = "flaude-bench",
            description = "Apps used: PREFIX-<variant>-<round>-<worker> (default: ${DEFAULT-VALUE}).")
    String appPrefix;

    private RateBudget budget = RateBudget.fly();
    private final List<String> made = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1 || cycles < 1 || warmup < 0) {
            throw new IllegalArgumentException("--concurrency and --ops must be at least 1, --warmup at least 0");
        }
        String url = context().apiUrlOption();
        FlyEmulator emulator = url == null ? FlyEmulator.start() : null;
        // The embedded emulator has no rate limits: the client's budget would only measure itself.
        budget = emulator == null ? RateBudget.fly() : RateBudget.unlimited();
        try (FlyClient setup = emulator == null
                ? context().client()
                : EmbeddedClient.builder(emulator).rateBudget(budget).build()) {
            String token = emulator == null ? tokenForRaw() : emulator.token();
            if (warmup > 0) {
                VolumeBench.run(
                        ops(setup, "raw-warmup", token, true), warmup, concurrency, new VolumeBench.Tally(warmup));
                VolumeBench.run(
                        ops(setup, "client-warmup", token, false), warmup, concurrency, new VolumeBench.Tally(warmup));
            }
            VolumeBench.Tally rawTally = new VolumeBench.Tally(cycles);
            VolumeBench.Tally clientTally = new VolumeBench.Tally(cycles);
            int rounds = Math.min(ROUNDS, cycles);
            for (int r = 0; r < rounds; r++) {
                int share = cycles / rounds + (r < cycles % rounds ? 1 : 0);
                VolumeBench.run(ops(setup, "raw-" + r, token, true), share, concurrency, rawTally);
                VolumeBench.run(ops(setup, "client-" + r, token, false), share, concurrency, clientTally);
            }
            print(setup.baseUri() + (emulator == null ? "" : " (embedded emulator)"), rawTally, clientTally);
            // The bench's apps (and what is left in them) go again, on a real API as on the emulator.
            for (String app : made) {
                setup.apps().delete(app, true);
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
        return 0;
    }

    /**
     * Fresh apps for one round, one per worker, and a supplier of workers on them. Fly lists destroyed
     * volumes for a day, so reusing apps would make every list longer than any real app's.
     */
    private Supplier<VolumeOps> ops(FlyClient setup, String round, String token, boolean raw) {
        List<String> apps = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            apps.add(setup.apps()
                    .ensure(appPrefix + "-" + round + "-" + w, Apps.DEFAULT_ORG)
                    .name());
        }
        made.addAll(apps);
        AtomicInteger next = new AtomicInteger();
        URI base = setup.baseUri();
        return () -> {
            String app = apps.get(next.getAndIncrement() % apps.size());
            return raw
                    ? new RawOps(base, app, token)
                    : new ClientOps(
                            FlyClient.builder()
                                    .baseUri(base)
                                    .token(token)
                                    .rateBudget(budget)
                                    .build(),
                            app);
        };
    }

    private String tokenForRaw() {
        String t = context().tokenOption() != null
                ? context().tokenOption()
                : context().env(FlyClient.TOKEN_ENV);
        if (t == null) {
            throw new FlyValidationException("No Fly API token: set FLY_API_TOKEN or pass -t");
        }
        return t;
    }

    private void print(String target, VolumeBench.Tally raw, VolumeBench.Tally client) {
        PrintWriter out = out();
        out.printf(
                "flaude bench volumes: %d create+get+list+destroy cycles per variant, concurrency %d,"
                        + " variants alternating in %d rounds, %s%n",
                cycles, concurrency, Math.min(ROUNDS, cycles), target);
        out.printf("%-22s %18s %18s %20s%n", "", "bare HTTP", "flaude client", "ratio flaude/bare");
        out.printf(
                "%-22s %18.0f %18.0f %20.2f%n",
                "requests/s",
                raw.requestsPerSecond(),
                client.requestsPerSecond(),
                client.requestsPerSecond() / raw.requestsPerSecond());
        for (String op : VolumeBench.OPS) {
            Latencies r = raw.latencies.get(op);
            Latencies c = client.latencies.get(op);
            out.printf(
                    "%-22s %18s %18s %20s%n",
                    op + " p50 / p99 ms",
                    ms(r.percentileMillis(50), r.percentileMillis(99)),
                    ms(c.percentileMillis(50), c.percentileMillis(99)),
                    String.format(
                            "%.2f / %.2f",
                            c.percentileMillis(50) / r.percentileMillis(50),
                            c.percentileMillis(99) / r.percentileMillis(99)));
        }
        out.flush();
    }

    private static String ms(double p50, double p99) {
        return String.format("%.2f / %.2f", p50, p99);
    }
}

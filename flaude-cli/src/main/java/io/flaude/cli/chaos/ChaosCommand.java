package io.flaude.cli.chaos;

import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.ExitCodes;
import io.flaude.emulator.FaultKind;
import io.flaude.fly.FlyValidationException;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flaude chaos [--sessions N] [--runs N] [--seed S] [--faults RATE]}: the leak test, on the embedded emulator.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Run sessions (create, two turns, destroy) and one-shot runs at once against an embedded emulator "
                    + "that faults a share of all requests, then check that nothing was left or made twice.",
            "Exit 0 when nothing leaked, 1 otherwise."
        })
public final class ChaosCommand extends CliCommand {
    @Option(names = "--sessions", defaultValue = "20", description = "Sessions to run (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--runs", defaultValue = "10", description = "One-shot runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--faults",
            defaultValue = "0.1",
            paramLabel = "RATE",
            description = "Share of requests faulted, 0-1 (default: ${DEFAULT-VALUE}).")
    double faults;

    @Option(
            names = "--fault",
            paramLabel = "KIND=RATE",
            description = "A rate per kind instead of --faults (repeatable): rate_limited, server_error, bad_gateway, "
                    + "unavailable, reset_before, reset_after, slow.")
    Map<String, Double> faultKinds = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = {"-c", "--concurrency"},
            defaultValue = "8",
            description = "How many at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws InterruptedException {
        if (sessions < 0 || runs < 0 || concurrency < 1 || !(faults >= 0 && faults <= 1)) {
            throw new FlyValidationException(
                    "--sessions and --runs at least 0, --concurrency at least 1, --faults 0-1");
        }
        Map<FaultKind, Double> kinds = new EnumMap<>(FaultKind.class);
        faultKinds.forEach((k, v) -> {
            try {
                kinds.put(FaultKind.valueOf(k.toUpperCase(Locale.ROOT)), v);
            } catch (IllegalArgumentException e) {
                throw new FlyValidationException("--fault " + k + ": not a fault kind");
            }
        });
        ChaosRun.Report r = ChaosRun.run(new ChaosRun.Settings(sessions, runs, faults, kinds, seed, concurrency));
        PrintWriter out = out();
        out.printf(
                "chaos: %d sessions, %d runs, faults %s, seed %d%n",
                sessions, runs, kinds.isEmpty() ? String.format(Locale.ROOT, "%.2f", faults) : kinds, seed);
        out.printf("injected:   %s%n", r.injected());
        out.printf("retried:    %d tries%n", r.retries());
        out.printf(
                "operations: %d, succeeded %d, failed with a typed error %s%n",
                r.operations(), r.succeeded(), r.typedFailures());
        out.printf("untyped failures: %s%n", r.untypedFailures().isEmpty() ? "none" : r.untypedFailures());
        out.printf("left without a live session: %s%n", r.leftOwnerless().isEmpty() ? "nothing" : r.leftOwnerless());
        out.printf("made twice: %s%n", r.duplicates().isEmpty() ? "nothing" : r.duplicates());
        out.printf("left after destroying every session: %s%n", r.leftAtEnd().isEmpty() ? "nothing" : r.leftAtEnd());
        out.println(r.clean() ? "Done: nothing leaked." : "LEAKED");
        out.flush();
        return r.clean() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}

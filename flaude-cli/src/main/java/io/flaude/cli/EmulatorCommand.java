package io.flaude.cli;

import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.DurationConverter;
import io.flaude.cli.support.EmulatorConditionsOptions;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.FlyValidationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flaude emulator [--port P] [--host H] [--token T] [--profile fly] ...}: a local Fly Machines API until
 * stopped.
 */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a local Fly Machines API (apps, volumes, snapshots, machines, leases, logs) on loopback "
                    + "until stopped (Ctrl-C).",
            "Point any Fly API client at it with FLY_API_HOSTNAME and a token. --profile fly makes it as slow and "
                    + "as strict as Fly; /_emulator/conditions changes that while it runs."
        })
public final class EmulatorCommand extends CliCommand {
    @Option(
            names = {"-p", "--port"},
            defaultValue = "4280",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--token", paramLabel = "T", description = "Accept only this token (default: any non-empty token).")
    String token;

    @Mixin
    EmulatorConditionsOptions conditions;

    @Option(
            names = "--agent-image",
            paramLabel = "GLOB",
            description = "Images that run the simulated flaude agent (repeatable; * matches anything; default "
                    + "*flaude-agent* and ghcr.io/ravi-hq/flaude*, the Python flaude's image). Every other image runs a"
                    + " long-lived process.")
    java.util.List<String> agentImages = new java.util.ArrayList<>();

    @Option(
            names = "--nats",
            paramLabel = "URL",
            description = "Also publish every line a machine prints to this NATS server, as Fly's log stream does"
                    + " (subject logs.<app>.<region>.<machine>); credentials in the URL: nats://org:token@host:4223.")
    String natsUrl;

    @Option(
            names = "--ship-logs",
            paramLabel = "URL",
            description = "Also post every printed line to this log drain, as Fly's log shipper (Vector) does: JSON"
                    + " arrays, batched, with --ship-token as the bearer token.")
    URI shipLogs;

    @Option(names = "--ship-token", paramLabel = "T", description = "The drain's bearer token for --ship-logs.")
    String shipToken;

    @Option(
            names = "--ship-interval",
            paramLabel = "DUR",
            defaultValue = "1s",
            converter = DurationConverter.class,
            description = "How often the shipper posts a batch (default: ${DEFAULT-VALUE}, as Vector).")
    Duration shipInterval;

    @Option(
            names = "--serve-seconds",
            hidden = true,
            defaultValue = "0",
            description = "Stop after this many seconds (tests).")
    long serveSeconds;

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (context().verbose()) {
            throw new FlyValidationException(
                    "emulator: -v is not supported; read what it was asked at " + "/_emulator/journal");
        }
        FlyEmulator.Builder builder =
                conditions.applyTo(FlyEmulator.builder().host(host).port(port).token(token));
        if (!agentImages.isEmpty()) {
            builder.agentImages(agentImages.toArray(String[]::new));
        }
        if (natsUrl != null) {
            builder.natsUrl(natsUrl);
        }
        if (shipLogs != null) {
            if (shipToken == null || shipToken.isBlank()) {
                throw new FlyValidationException(
                        "emulator: --ship-logs needs --ship-token (the drain's" + " bearer token)");
            }
            builder.shipLogs(shipLogs, shipToken, shipInterval);
        }
        FlyEmulator emulator;
        try {
            emulator = builder.start();
        } catch (IllegalArgumentException e) {
            throw new FlyValidationException("emulator: " + e.getMessage());
        }
        if (!loopback(host)) {
            if (token == null) {
                err().println("Warning: listening on " + host + " with no --token: anyone who can reach this port can"
                        + " use the API with any token. Pass --token T to accept only yours.");
            }
            err().println("Note: clients on other hosts send their token over plain http; flaude refuses that unless"
                    + " given --allow-plain-http.");
            err().flush();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            emulator.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        out().println("Fly Machines API emulator listening on " + emulator.baseUri());
        out().println("  export FLY_API_HOSTNAME=" + emulator.baseUri());
        out().println(
                        token == null
                                ? "  export FLY_API_TOKEN=anything   (any non-empty token is accepted)"
                                : "  export FLY_API_TOKEN=...   (the token given with --token)");
        String hard = conditions.describe();
        if (!hard.isEmpty()) {
            out().println("Conditions: " + hard);
        }
        out().println("Stop with Ctrl-C.");
        out().flush();
        try {
            if (serveSeconds > 0) {
                stopped.await(serveSeconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } finally {
            emulator.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return 0;
    }
}

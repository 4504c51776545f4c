package io.flaude.cli;

import io.flaude.agent.RunFailedException;
import io.flaude.agent.RunOptions;
import io.flaude.agent.RunResult;
import io.flaude.agent.Runner;
import io.flaude.cli.agent.AgentOptions;
import io.flaude.cli.agent.LiveOutput;
import io.flaude.cli.output.JsonOutput;
import io.flaude.cli.support.AppOption;
import io.flaude.cli.support.CleanupOnSignal;
import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.DurationConverter;
import io.flaude.cli.support.SignalledWork;
import io.flaude.fly.FlyClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flaude run -a APP --prompt TEXT ...}: one run on a new machine, always destroyed afterwards. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run Claude once on a new machine, print its output, destroy the machine.",
            "Credentials from env: CLAUDE_CODE_OAUTH_TOKEN (required), GITHUB_USERNAME, GITHUB_TOKEN."
        })
public final class RunCommand extends CliCommand {
    @Mixin
    AppOption app;

    @Mixin
    AgentOptions agent;

    @Option(
            names = "--timeout",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "How long the run may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the result as JSON instead of the live output.")
    boolean json;

    @Override
    public Integer call() {
        String appName = app.resolve(context());
        var config = agent.toConfig(context());
        AtomicReference<String> machine = new AtomicReference<>();
        try (FlyClient fly = context().client();
                LiveOutput live = new LiveOutput(out(), err(), !json, LiveOutput.onTerminal(), "running on Fly");
                CleanupOnSignal signal = new CleanupOnSignal(
                        err(),
                        "the run's machine",
                        Duration.ofSeconds(60),
                        () -> "machine " + machine.get() + " of app " + appName)) {
            RunResult r;
            try {
                r = SignalledWork.run(
                        signal,
                        err(),
                        () -> new Runner(fly)
                                .run(
                                        appName,
                                        config,
                                        RunOptions.DEFAULTS
                                                .withTimeout(timeout)
                                                .withOnLine(live)
                                                .withOnCreated(m -> machine.set(m.id()))),
                        () -> "Interrupted: machine " + machine.get() + " destroyed",
                        left -> "Interrupted: machine " + machine.get() + " may be left: " + left);
            } catch (RunFailedException e) {
                if (json) {
                    printJson(JsonOutput.run(e.result()));
                }
                throw e;
            }
            if (json) {
                printJson(JsonOutput.run(r));
            }
            if (!r.cleanedUp()) {
                err().println("Warning: the run succeeded, but machine " + r.machineId() + " could not be destroyed ("
                        + r.cleanupFailures().get(0) + "); destroy it with: flaude machines destroy " + r.machineId()
                        + " -a " + appName + " --force");
            }
        }
        return 0;
    }
}

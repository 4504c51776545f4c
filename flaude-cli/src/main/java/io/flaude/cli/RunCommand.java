package io.flaude.cli;

import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.AppOption;
import io.flaude.agent.RunFailedException;
import io.flaude.agent.RunOptions;
import io.flaude.agent.RunResult;
import io.flaude.agent.Runner;
import io.flaude.cli.agent.AgentOptions;
import io.flaude.cli.support.DurationConverter;
import io.flaude.cli.agent.LiveOutput;
import io.flaude.cli.output.JsonOutput;
import io.flaude.fly.FlyClient;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flaude run -a APP --prompt TEXT ...}: one run on a new machine, always destroyed afterwards. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run Claude once on a new machine, print its output, destroy the machine.",
                "Credentials from env: CLAUDE_CODE_OAUTH_TOKEN (required), GITHUB_USERNAME, GITHUB_TOKEN."})
public final class RunCommand extends CliCommand {
    @Mixin
    AppOption app;

    @Mixin
    AgentOptions agent;

    @Option(names = "--timeout", defaultValue = "30m", converter = DurationConverter.class,
            description = "How long the run may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the result as JSON instead of the live output.")
    boolean json;

    @Override
    public Integer call() {
        String appName = app.resolve(context());
        var config = agent.toConfig(context());
        try (FlyClient fly = context().client();
             LiveOutput live = new LiveOutput(out(), err(), !json, LiveOutput.onTerminal(), "running on Fly")) {
            RunResult r;
            try {
                r = new Runner(fly).run(appName, config, RunOptions.DEFAULTS.withTimeout(timeout).withOnLine(live));
            } catch (RunFailedException e) {
                if (json) {
                    printJson(JsonOutput.run(e.result()));
                }
                throw e;
            }
            if (json) {
                printJson(JsonOutput.run(r));
            }
        }
        return 0;
    }
}

package io.flaude.cli.sessions;

import io.flaude.agent.CleanupFailedException;
import io.flaude.agent.RunFailedException;
import io.flaude.agent.SessionOptions;
import io.flaude.agent.Sessions;
import io.flaude.agent.TurnResult;
import io.flaude.cli.agent.AgentOptions;
import io.flaude.cli.agent.LiveOutput;
import io.flaude.cli.output.JsonOutput;
import io.flaude.cli.support.AppOption;
import io.flaude.cli.support.CleanupOnSignal;
import io.flaude.cli.support.DurationConverter;
import io.flaude.cli.support.SignalledWork;
import io.flaude.fly.FlyClient;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flaude sessions create -a APP --prompt TEXT ...}: volume, machine, first turn. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Create a session and run its first turn; on any failure nothing is left behind.",
            "Credentials from env: CLAUDE_CODE_OAUTH_TOKEN (required), GITHUB_USERNAME, GITHUB_TOKEN."
        })
public final class SessionCreateCommand extends SessionCommand {
    @Mixin
    AppOption app;

    @Mixin
    AgentOptions agent;

    @Option(
            names = "--volume-size",
            defaultValue = "1",
            paramLabel = "GB",
            description = "Volume size (default: ${DEFAULT-VALUE} GB).")
    int volumeSizeGb;

    @Option(
            names = "--ttl",
            converter = DurationConverter.class,
            paramLabel = "DUR",
            description = "Expire after this long (e.g. 24h).")
    Duration ttl;

    @Option(
            names = "--idle-timeout",
            converter = DurationConverter.class,
            paramLabel = "DUR",
            description = "Expire after this long without a turn.")
    Duration idleTimeout;

    @Option(
            names = "--timeout",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "How long the first turn may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    int run(Sessions sessions, FlyClient fly) {
        String appName = app.resolve(context());
        var config = agent.toConfig(context());
        SessionOptions options = new SessionOptions(volumeSizeGb, ttl, idleTimeout, timeout);
        try (LiveOutput live = new LiveOutput(out(), err(), !json, LiveOutput.onTerminal(), "creating session");
                CleanupOnSignal signal = new CleanupOnSignal(
                        err(),
                        "the session being created",
                        Duration.ofSeconds(120),
                        () -> "what `flaude sessions reap -a " + appName + "` finds")) {
            TurnResult t;
            try {
                t = SignalledWork.run(
                        signal,
                        err(),
                        () -> sessions.create(appName, config, options, live),
                        () -> "Interrupted: the session was rolled back (machine, volume and record destroyed)",
                        left -> "Interrupted: the rollback failed (" + left + "); run: flaude sessions reap -a "
                                + appName);
            } catch (RunFailedException e) {
                if (json) {
                    printJson(JsonOutput.firstTurnFailed(
                            e.result(), CleanupFailedException.on(e).isEmpty()));
                }
                throw e;
            }
            if (json) {
                printJson(JsonOutput.turn(t.session(), t.result(), t.storeFailure()));
            } else {
                err().println("Session " + t.session().sessionId() + " ready (machine "
                        + t.session().machineId() + ", volume " + t.session().volumeId() + ")");
            }
        }
        return 0;
    }
}

package io.flaude.cli.sessions;

import io.flaude.agent.RunFailedException;
import io.flaude.agent.Session;
import io.flaude.agent.Sessions;
import io.flaude.agent.TurnOptions;
import io.flaude.agent.TurnResult;
import io.flaude.cli.agent.LiveOutput;
import io.flaude.cli.output.JsonOutput;
import io.flaude.cli.support.CleanupOnSignal;
import io.flaude.cli.support.DurationConverter;
import io.flaude.cli.support.SignalledWork;
import io.flaude.fly.FlyClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude sessions turn SESSION_ID --prompt TEXT}: the next turn; exit 1 if it fails. */
@Command(
        name = "turn",
        mixinStandardHelpOptions = true,
        description = {
            "Run the next turn of a session; it continues from the transcript on the volume.",
            "Tokens from env: CLAUDE_CODE_OAUTH_TOKEN and GITHUB_TOKEN, if set, replace the session's secrets when "
                    + "they changed (a rotated token is used from this turn on)."
        })
public final class SessionTurnCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "SESSION_ID")
    String sessionId;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What to ask Claude next.")
    String prompt;

    @Option(
            names = {"-a", "--app"},
            paramLabel = "APP",
            description = "The session's app: lets a session the store lost be found again from Fly.")
    String app;

    @Option(
            names = "--env",
            paramLabel = "KEY=VALUE",
            description = "Extra machine env for this turn only (repeatable); it may not replace the session's own.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(
            names = "--timeout",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "How long the turn may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    int run(Sessions sessions, FlyClient fly) {
        Session session = app != null ? sessions.recover(app, sessionId) : sessions.get(sessionId);
        try (LiveOutput live = new LiveOutput(out(), err(), !json, LiveOutput.onTerminal(), "turn of " + sessionId);
                CleanupOnSignal signal = new CleanupOnSignal(
                        err(),
                        "the turn of session " + sessionId,
                        Duration.ofSeconds(60),
                        () -> "a running machine " + session.machineId() + " (it stops when its agent ends; then "
                                + "`flaude sessions reap -a " + session.app() + "` sets the session idle)")) {
            try {
                TurnResult t = SignalledWork.run(
                        signal,
                        err(),
                        () -> sessions.turn(
                                session,
                                TurnOptions.prompt(prompt)
                                        .withEnv(env)
                                        .withTimeout(timeout)
                                        .withOnLine(live)
                                        .withTokens(
                                                context().env("CLAUDE_CODE_OAUTH_TOKEN"),
                                                context().env("GITHUB_TOKEN"))),
                        () -> "Interrupted: machine " + session.machineId() + " stopped; session " + sessionId
                                + " is idle and takes the next turn",
                        left -> "Interrupted: machine " + session.machineId() + " may still run: " + left);
                if (t.storeFailure() != null) {
                    err().println("Warning: the turn finished, but the session store could not record it ("
                            + t.storeFailure() + "); its record says running until `flaude sessions reap -a "
                            + session.app() + "` sets it idle. Do not run this prompt again.");
                }
                if (json) {
                    printJson(JsonOutput.turn(t.session(), t.result(), t.storeFailure()));
                }
            } catch (RunFailedException e) {
                if (json) {
                    printJson(JsonOutput.turn(e.session().orElse(session), e.result(), null));
                }
                throw e;
            }
        }
        return 0;
    }
}

package io.flaude.cli.sessions;

import io.flaude.agent.Sessions;
import io.flaude.fly.FlyClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude sessions destroy SESSION_ID [-a APP]}: machine, then volume; an unknown session is fine. */
@Command(
        name = "destroy",
        aliases = {"delete", "rm"},
        mixinStandardHelpOptions = true,
        description = "Destroy a session: its machine, then its volume once Fly lets go of it.")
public final class SessionDestroyCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "SESSION_ID")
    String sessionId;

    @Option(
            names = {"-a", "--app"},
            paramLabel = "APP",
            description = "Find the session on Fly if the store lost it.")
    String app;

    @Override
    int run(Sessions sessions, FlyClient fly) {
        // With -a, a session the store lost is found on Fly; without it, an id the store does not know is an error.
        sessions.destroy(app != null ? sessions.recover(app, sessionId) : sessions.get(sessionId));
        if (json) {
            printJson(java.util.Map.of("session_id", sessionId, "destroyed", true));
        } else {
            out().println("Destroyed session " + sessionId);
        }
        return 0;
    }
}

package io.flaude.cli.sessions;

import io.flaude.agent.Session;
import io.flaude.agent.Sessions;
import io.flaude.cli.output.Table;
import io.flaude.fly.FlyClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flaude sessions list [-a APP] [--json]}. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List the sessions this machine remembers.")
public final class SessionListCommand extends SessionCommand {
    @Option(names = {"-a", "--app"}, paramLabel = "APP", description = "Only this app's sessions.")
    String app;

    @Override
    int run(Sessions sessions, FlyClient fly) {
        List<Session> list = sessions.list().stream().filter(s -> app == null || app.equals(s.app())).toList();
        if (json) {
            printJson(list);
            return 0;
        }
        if (list.isEmpty()) {
            out().println("No sessions");
            return 0;
        }
        Table t = new Table("SESSION", "APP", "STATE", "MACHINE", "VOLUME", "REGION", "CREATED AT", "LAST TURN");
        list.forEach(s -> t.row(s.sessionId(), s.app(), s.stateAsString(), s.machineId(), s.volumeId(), s.region(),
                s.createdAt(), s.lastTurnAt()));
        t.print(out());
        return 0;
    }
}

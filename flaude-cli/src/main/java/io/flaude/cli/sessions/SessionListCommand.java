package io.flaude.cli.sessions;

import io.flaude.agent.Session;
import io.flaude.agent.SessionStore;
import io.flaude.cli.output.Table;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flaude sessions list [-a APP] [--json]}. */
@Command(
        name = "list",
        aliases = "ls",
        mixinStandardHelpOptions = true,
        description = "List the sessions this machine remembers.")
public final class SessionListCommand extends StoreCommand {
    @Option(
            names = {"-a", "--app"},
            paramLabel = "APP",
            description = "Only this app's sessions.")
    String app;

    @Override
    int run(SessionStore store) {
        List<Session> list = store.list().stream()
                .filter(s -> app == null || app.equals(s.app()))
                .toList();
        if (json) {
            printJson(list);
            return 0;
        }
        if (list.isEmpty()) {
            out().println("No sessions");
            return 0;
        }
        Table t = new Table("SESSION", "APP", "STATE", "MACHINE", "VOLUME", "REGION", "CREATED AT", "LAST TURN");
        list.forEach(s -> t.row(
                s.sessionId(),
                s.app(),
                s.stateAsString(),
                s.machineId(),
                s.volumeId(),
                s.region(),
                s.createdAt(),
                s.lastTurnAt()));
        t.print(out());
        return 0;
    }
}

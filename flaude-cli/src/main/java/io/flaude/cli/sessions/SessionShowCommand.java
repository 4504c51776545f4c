package io.flaude.cli.sessions;

import io.flaude.agent.Session;
import io.flaude.agent.SessionNotFoundException;
import io.flaude.agent.SessionStore;
import io.flaude.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flaude sessions show SESSION_ID [--json]}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one session.")
public final class SessionShowCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "SESSION_ID")
    String sessionId;

    @Override
    int run(SessionStore store) {
        Session s = store.find(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId, null));
        if (json) {
            printJson(s);
            return 0;
        }
        new Table("FIELD", "VALUE")
                .row("Session", s.sessionId())
                .row("App", s.app())
                .row("State", s.stateAsString())
                .row("Machine", s.machineId())
                .row("Volume", s.volumeId())
                .row("Region", s.region())
                .row("Mount path", s.mountPath())
                .row("Created at", s.createdAt())
                .row("Last turn at", s.lastTurnAt())
                .row("TTL", s.ttl())
                .row("Idle timeout", s.idleTimeout())
                .print(out());
        return 0;
    }
}

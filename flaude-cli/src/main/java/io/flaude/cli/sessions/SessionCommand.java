package io.flaude.cli.sessions;

import io.flaude.agent.SessionStore;
import io.flaude.agent.Sessions;
import io.flaude.cli.support.CliCommand;
import io.flaude.fly.FlyClient;
import picocli.CommandLine.Option;

/** A sessions command: a client, the session store and {@code --json}, opened and closed around the work. */
abstract class SessionCommand extends CliCommand {
    @Option(names = "--json", description = "Print JSON (snake_case fields).")
    boolean json;

    /** Does the work; returns the exit code. */
    abstract int run(Sessions sessions, FlyClient fly);

    @Override
    public final Integer call() {
        try (SessionStore store = context().sessionStore();
                FlyClient fly = context().client();
                Sessions sessions = new Sessions(fly, store)) {
            return run(sessions, fly);
        }
    }
}

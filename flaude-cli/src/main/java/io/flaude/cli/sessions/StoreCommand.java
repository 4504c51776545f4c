package io.flaude.cli.sessions;

import io.flaude.agent.SessionStore;
import io.flaude.cli.support.CliCommand;
import picocli.CommandLine.Option;

/** A sessions command that only reads the session store: it needs no Fly token and sends nothing. */
abstract class StoreCommand extends CliCommand {
    @Option(names = "--json", description = "Print JSON (snake_case fields).")
    boolean json;

    /** Does the work; returns the exit code. */
    abstract int run(SessionStore store);

    @Override
    public final Integer call() {
        try (SessionStore store = context().sessionStore()) {
            return run(store);
        }
    }
}

package io.flaude.cli.support;

import io.flaude.agent.SessionStore;
import io.flaude.fly.FlyClient;

/**
 * What every command gets from the root command: its global options and the resources they open.
 * Implemented by {@code RootCommand}; commands reach it through {@link CliCommand#context()}, never
 * by naming the root, so no command package depends on the root package.
 */
public interface CliContext {
    /** {@code -v}: log each request, print stack traces. */
    boolean verbose();

    /** An environment variable, or {@code null} when unset or empty. */
    String env(String name);

    /** A client from {@code -t}/{@code --api-url}, else the environment; fails before any request without a token. */
    FlyClient client();

    /** The session store: SQLite under {@code $FLAUDE_HOME} (default {@code ~/.flaude}). */
    SessionStore sessionStore();

    /** The {@code -t} token given on the command line, if any (not the environment). Never print it. */
    String tokenOption();

    /** The {@code --api-url} given on the command line, if any (not the environment). */
    String apiUrlOption();
}

package io.flaude.cli;

import io.flaude.agent.SessionStore;
import io.flaude.agent.SqliteSessionStore;
import io.flaude.cli.apps.AppsCommand;
import io.flaude.cli.bench.BenchCommand;
import io.flaude.cli.chaos.ChaosCommand;
import io.flaude.cli.image.ImageCommand;
import io.flaude.cli.machines.MachinesCommand;
import io.flaude.cli.sessions.SessionsCommand;
import io.flaude.cli.support.CliContext;
import io.flaude.cli.volumes.VolumesCommand;
import io.flaude.fly.FlyClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code flaude}: the root command and the global options every subcommand accepts. */
@Command(name = "flaude", mixinStandardHelpOptions = true, version = "flaude 0.1.0",
        description = "Run Claude Code on Fly.io Machines; Fly Volumes keep sessions alive between prompts.",
        subcommands = {RunCommand.class, BatchCommand.class, SessionsCommand.class, MachinesCommand.class, VolumesCommand.class,
                AppsCommand.class, EmulatorCommand.class, DemoCommand.class, BenchCommand.class, ChaosCommand.class,
                ImageCommand.class,
                HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (destroying an already-gone volume is success)",
                "1:the Fly API or the run failed (stderr names the status and Fly's message)",
                "2:bad usage or input, refused before any request"})
public final class RootCommand implements Runnable, CliContext {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    private String token;
    private String apiUrl;
    private boolean verbose;

    RootCommand(Map<String, String> env) {
        this.env = env;
    }

    @Option(names = {"-t", "--access-token"}, scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Fly API token (default: env FLY_API_TOKEN). Never printed.")
    void token(String token) {
        this.token = token;
    }

    @Option(names = "--api-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Fly Machines API base URL (default: env FLY_API_HOSTNAME, else https://api.machines.dev).")
    void apiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log each request and show stack traces on errors.")
    void verbose(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    /** An environment variable, or {@code null} when unset or empty. */
    @Override
    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** A client from {@code -t}/{@code --api-url}, else the environment; fails before any request without a token. */
    @Override
    public FlyClient client() {
        FlyClient.Builder b = FlyClient.builder().token(token != null ? token : env(FlyClient.TOKEN_ENV));
        String url = apiUrl != null ? apiUrl : env(FlyClient.HOSTNAME_ENV);
        if (url != null) {
            b.baseUri(url);
        }
        return b.build();
    }

    /** The session store: SQLite under {@code $FLAUDE_HOME} (default {@code ~/.flaude}). */
    @Override
    public SessionStore sessionStore() {
        return new SqliteSessionStore(SqliteSessionStore.defaultFile(this::env));
    }

    /** The {@code -t} token given on the command line, if any (not the environment). Never print it. */
    @Override
    public String tokenOption() {
        return token;
    }

    /** The {@code --api-url} given on the command line, if any (not the environment). */
    @Override
    public String apiUrlOption() {
        return apiUrl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

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
import io.flaude.fly.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code flaude}: the root command and the global options every subcommand accepts. */
@Command(
        name = "flaude",
        mixinStandardHelpOptions = true,
        version = "flaude 0.1.0",
        description = "Run Claude Code on Fly.io Machines; Fly Volumes keep sessions alive between prompts.",
        subcommands = {
            RunCommand.class,
            BatchCommand.class,
            SessionsCommand.class,
            LogsCommand.class,
            MachinesCommand.class,
            VolumesCommand.class,
            AppsCommand.class,
            EmulatorCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            ChaosCommand.class,
            ImageCommand.class,
            HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (destroying an already-gone volume is success)",
            "1:the Fly API or the run failed (stderr names the status and Fly's message)",
            "2:bad usage or input, refused before any request"
        })
public final class RootCommand implements Runnable, CliContext {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    private String token;
    private String apiUrl;
    private boolean verbose;
    private boolean allowPlainHttp;
    private String natsUrl;
    private String natsOrg;

    /** Environment variables for {@code --nats-url} and {@code --nats-org}, as the library reads them. */
    static final String NATS_URL_ENV = FlyClient.NATS_URL_ENV;

    static final String NATS_ORG_ENV = FlyClient.NATS_ORG_ENV;

    /** The environment variables whose values are secrets: cut out of everything flaude prints. */
    static final List<String> SECRET_ENV = List.of(FlyClient.TOKEN_ENV, "CLAUDE_CODE_OAUTH_TOKEN", "GITHUB_TOKEN");

    RootCommand(Map<String, String> env) {
        this.env = env;
    }

    @Option(
            names = {"-t", "--access-token"},
            scope = ScopeType.INHERIT,
            paramLabel = "TOKEN",
            description = "Fly API token (default: env FLY_API_TOKEN). Never printed.")
    void token(String token) {
        this.token = token;
    }

    @Option(
            names = "--api-url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "Fly Machines API base URL (default: env FLY_API_HOSTNAME, else https://api.machines.dev).")
    void apiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    @Option(
            names = "--allow-plain-http",
            scope = ScopeType.INHERIT,
            description = "Send the token over plain http:// to a host that is not loopback or _api.internal"
                    + " (refused by default: anyone on the path could read it).")
    void allowPlainHttp(boolean allow) {
        this.allowPlainHttp = allow;
    }

    @Option(
            names = "--nats-url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "Read live log lines from Fly's NATS log stream at URL, 'off' for none (default: env "
                    + NATS_URL_ENV + ", else nats://[fdaa::3]:4223 on a Fly machine, else poll the logs API only).")
    void natsUrl(String url) {
        this.natsUrl = url;
    }

    @Option(
            names = "--nats-org",
            scope = ScopeType.INHERIT,
            paramLabel = "SLUG",
            description =
                    "The organization slug for --nats-url (default: env " + NATS_ORG_ENV + ", else the app's org).")
    void natsOrg(String org) {
        this.natsOrg = org;
    }

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
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

    /**
     * A client from the flags typed, else this command's environment (the only one read: the client's own
     * precedence applies to it); fails before any request without a token.
     */
    @Override
    public FlyClient client() {
        FlyClient.Builder b = FlyClient.builder()
                .environment(this::env)
                .redact(secrets().toArray(String[]::new))
                .allowPlainHttp(allowPlainHttp)
                .natsOrg(natsOrg);
        if (token != null) {
            b.token(token);
        }
        if (apiUrl != null) {
            b.baseUri(apiUrl);
        }
        if (natsUrl != null) {
            b.natsLogs(natsUrl, natsOrg);
        }
        return b.build();
    }

    /** Every secret this process holds: the {@code -t} token and the values of {@link #SECRET_ENV}. */
    List<String> secrets() {
        List<String> values = new ArrayList<>();
        if (token != null) {
            values.add(token);
        }
        SECRET_ENV.stream().map(this::env).filter(Objects::nonNull).forEach(values::add);
        return values;
    }

    /** Cuts every secret this process holds out of a line before it is printed. */
    String redact(String line) {
        return Redactor.of(secrets()).redact(line);
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

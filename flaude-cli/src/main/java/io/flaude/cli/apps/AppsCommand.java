package io.flaude.cli.apps;

import io.flaude.cli.CliCommand;
import io.flaude.cli.output.Table;
import io.flaude.fly.App;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flaude apps ensure|show APP}. */
@Command(name = "apps", aliases = "app", mixinStandardHelpOptions = true, description = "Show or ensure Fly apps.",
        subcommands = {AppsCommand.Ensure.class, AppsCommand.Show.class})
public final class AppsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(App app, boolean json, java.io.PrintWriter out) {
        if (json) {
            out.println(io.flaude.cli.output.JsonOutput.write(app));
            return;
        }
        new Table("FIELD", "VALUE").row("Name", app.name()).row("ID", app.id()).row("Status", app.status())
                .row("Organization", app.orgSlug()).row("Machines", app.machineCount())
                .row("Volumes", app.volumeCount()).print(out);
    }

    /** An apps command: {@code APP}, {@code --org}, {@code --json}, and a client opened for the call. */
    abstract static class AppCommand extends CliCommand {
        @Parameters(index = "0", paramLabel = "APP")
        String app;

        @Option(names = {"-o", "--org"}, defaultValue = Apps.DEFAULT_ORG, description = "Organization slug (default: ${DEFAULT-VALUE}).")
        String org;

        @Option(names = "--json", description = "Print the app as JSON.")
        boolean json;

        /** The app to print, or empty when there is none. */
        abstract Optional<App> run(Apps apps);

        @Override
        public final Integer call() {
            try (FlyClient fly = root().client()) {
                Optional<App> result = run(fly.apps());
                if (result.isEmpty()) {
                    err().println("Error: no app named " + app);
                    return 1;
                }
                print(result.get(), json, out());
            }
            return 0;
        }
    }

    /** {@code flaude apps ensure APP [--org ORG] [--json]}: get the app, or create it. */
    @Command(name = "ensure", mixinStandardHelpOptions = true, description = "Create the app unless it exists.")
    public static final class Ensure extends AppCommand {
        @Override
        Optional<App> run(Apps apps) {
            return Optional.of(apps.ensure(app, org));
        }
    }

    /** {@code flaude apps show APP [--json]}: exit 1 when there is no such app. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an app (the org is not needed to find it).")
    public static final class Show extends AppCommand {
        @Override
        Optional<App> run(Apps apps) {
            return apps.find(app);
        }
    }
}

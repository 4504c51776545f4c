package io.flaude.cli.apps;

import io.flaude.cli.output.Table;
import io.flaude.cli.support.CliCommand;
import io.flaude.fly.App;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyClientException;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command whose argument is the app itself: {@code APP}, {@code --org}, {@code --json}, and a client for the call.
 */
abstract class NamedAppCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "APP")
    String app;

    @Option(
            names = {"-o", "--org"},
            defaultValue = Apps.DEFAULT_ORG,
            description = "Organization slug (default: ${DEFAULT-VALUE}).")
    String org;

    @Option(names = "--json", description = "Print the app as JSON.")
    boolean json;

    /** The app to print, or empty when there is none. */
    abstract Optional<App> run(Apps apps);

    @Override
    public final Integer call() {
        try (FlyClient fly = context().client()) {
            boolean orgGiven = spec.commandLine().getParseResult().hasMatchedOption("--org");
            App found = run(fly.apps())
                    .filter(a -> !orgGiven || a.orgSlug() == null || org.equals(a.orgSlug()))
                    .orElseThrow(
                            () -> new FlyClientException("no app named " + app + (orgGiven ? " in org " + org : "")));
            if (json) {
                printJson(found);
            } else {
                new Table("FIELD", "VALUE")
                        .row("Name", found.name())
                        .row("ID", found.id())
                        .row("Status", found.status())
                        .row("Organization", found.orgSlug())
                        .row("Machines", found.machineCount())
                        .row("Volumes", found.volumeCount())
                        .print(out());
            }
        }
        return 0;
    }
}

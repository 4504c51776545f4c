package io.flaude.cli.apps;

import io.flaude.fly.App;
import io.flaude.fly.Apps;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code flaude apps show APP [--json]}: exit 1 when there is no such app. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show an app (the org is not needed to find it).")
public final class AppShowCommand extends NamedAppCommand {
    @Override
    Optional<App> run(Apps apps) {
        return apps.find(app);
    }
}

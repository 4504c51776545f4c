package io.flaude.cli.apps;

import io.flaude.fly.App;
import io.flaude.fly.Apps;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code flaude apps ensure APP [--org ORG] [--json]}: get the app, or create it. */
@Command(name = "ensure", mixinStandardHelpOptions = true, description = "Create the app unless it exists.")
public final class AppEnsureCommand extends NamedAppCommand {
    @Override
    Optional<App> run(Apps apps) {
        return Optional.of(apps.ensure(app, org));
    }
}

package io.flaude.cli.volumes;

import io.flaude.cli.AppOption;
import io.flaude.cli.CliCommand;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flaude volumes list -a APP [--all] [--json]}. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List the app's volumes; destroyed ones (which Fly keeps listing for a while) only with --all.")
public final class VolumeListCommand extends CliCommand {
    @Mixin
    AppOption app;

    @Option(names = "--all", description = "Include volumes that are destroyed or being destroyed.")
    boolean all;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        String appName = app.resolve(root());
        try (FlyClient fly = root().client()) {
            List<Volume> volumes = fly.volumes(appName).list(all ? VolumeListOptions.ALL : VolumeListOptions.LIVE);
            if (json) {
                printJson(volumes);
            } else if (volumes.isEmpty()) {
                out().println("No volumes in app " + appName + (all ? "" : " (use --all to include destroyed ones)"));
            } else {
                VolumeView.table(volumes, out());
            }
        }
        return 0;
    }
}

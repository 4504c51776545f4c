package io.flaude.cli.volumes;

import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import io.flaude.fly.Volumes;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flaude volumes list -a APP [--all] [--json]}. */
@Command(
        name = "list",
        aliases = "ls",
        mixinStandardHelpOptions = true,
        description = "List the app's volumes; destroyed ones (which Fly keeps listing for a while) only with --all.")
public final class VolumeListCommand extends VolumeCommand {
    @Option(names = "--all", description = "Include volumes that are destroyed or being destroyed.")
    boolean all;

    @Override
    int run(Volumes volumes) {
        List<Volume> list = volumes.list(all ? VolumeListOptions.ALL : VolumeListOptions.LIVE);
        print(list, () -> {
            if (list.isEmpty()) {
                out().println("No volumes in app " + volumes.app()
                        + (all ? "" : " (use --all to include destroyed ones)"));
            } else {
                VolumeView.table(list, out());
            }
        });
        return 0;
    }
}

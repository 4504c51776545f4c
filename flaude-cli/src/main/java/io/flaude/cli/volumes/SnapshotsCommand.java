package io.flaude.cli.volumes;

import io.flaude.cli.AppOption;
import io.flaude.cli.CliCommand;
import io.flaude.cli.output.Table;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Snapshot;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flaude volumes snapshots list|create VOL_ID -a APP}. */
@Command(name = "snapshots", aliases = "snapshot", mixinStandardHelpOptions = true,
        description = "List or take snapshots of a volume.",
        subcommands = {SnapshotsCommand.ListSnapshots.class, SnapshotsCommand.CreateSnapshot.class})
public final class SnapshotsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code flaude volumes snapshots list VOL_ID -a APP [--json]}. */
    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List a volume's snapshots, oldest first.")
    public static final class ListSnapshots extends CliCommand {
        @Mixin
        AppOption app;

        @Parameters(index = "0", paramLabel = "VOL_ID")
        String volumeId;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        public Integer call() {
            String appName = app.resolve(root());
            try (FlyClient fly = root().client()) {
                List<Snapshot> snapshots = fly.volumes(appName).snapshots(volumeId).stream()
                        .sorted(Comparator.comparing(Snapshot::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .toList();
                if (json) {
                    printJson(snapshots);
                } else if (snapshots.isEmpty()) {
                    out().println("No snapshots of volume " + volumeId);
                } else {
                    Table t = new Table("ID", "STATUS", "SIZE", "CREATED AT", "RETENTION DAYS");
                    snapshots.forEach(s -> t.row(s.id(), s.status(), s.sizeBytes(), s.createdAt(), s.retentionDays()));
                    t.print(out());
                }
            }
            return 0;
        }
    }

    /** {@code flaude volumes snapshots create VOL_ID -a APP}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Take a snapshot of a volume now.")
    public static final class CreateSnapshot extends CliCommand {
        @Mixin
        AppOption app;

        @Parameters(index = "0", paramLabel = "VOL_ID")
        String volumeId;

        @Override
        public Integer call() {
            String appName = app.resolve(root());
            try (FlyClient fly = root().client()) {
                fly.volumes(appName).createSnapshot(volumeId);
            }
            out().println("Snapshot of volume " + volumeId + " requested; it appears in 'snapshots list' once taken");
            return 0;
        }
    }
}

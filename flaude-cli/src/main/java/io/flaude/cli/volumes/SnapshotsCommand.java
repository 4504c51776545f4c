package io.flaude.cli.volumes;

import io.flaude.cli.output.Table;
import io.flaude.cli.support.GroupCommand;
import io.flaude.fly.Snapshot;
import io.flaude.fly.Volumes;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flaude volumes snapshots list|create VOL_ID -a APP}. */
@Command(
        name = "snapshots",
        aliases = "snapshot",
        mixinStandardHelpOptions = true,
        description = "List or take snapshots of a volume.",
        subcommands = {SnapshotsCommand.ListSnapshots.class, SnapshotsCommand.CreateSnapshot.class})
public final class SnapshotsCommand extends GroupCommand {

    /** {@code flaude volumes snapshots list VOL_ID -a APP [--json]}. */
    @Command(
            name = "list",
            aliases = "ls",
            mixinStandardHelpOptions = true,
            description = "List a volume's snapshots, oldest first.")
    public static final class ListSnapshots extends VolumeCommand {
        @Parameters(index = "0", paramLabel = "VOL_ID")
        String volumeId;

        @Override
        int run(Volumes volumes) {
            List<Snapshot> snapshots = volumes.snapshots(volumeId).stream()
                    .sorted(Comparator.comparing(Snapshot::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            print(snapshots, () -> {
                if (snapshots.isEmpty()) {
                    out().println("No snapshots of volume " + volumeId);
                    return;
                }
                Table t = new Table("ID", "STATUS", "SIZE", "CREATED AT", "RETENTION DAYS");
                snapshots.forEach(s -> t.row(s.id(), s.status(), s.sizeBytes(), s.createdAt(), s.retentionDays()));
                t.print(out());
            });
            return 0;
        }
    }

    /** {@code flaude volumes snapshots create VOL_ID -a APP}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Take a snapshot of a volume now.")
    public static final class CreateSnapshot extends VolumeCommand {
        @Parameters(index = "0", paramLabel = "VOL_ID")
        String volumeId;

        @Override
        int run(Volumes volumes) {
            volumes.createSnapshot(volumeId);
            print(java.util.Map.of("volume_id", volumeId, "requested", true), () -> out().println("Snapshot of volume "
                    + volumeId + " requested; it appears in 'snapshots list' once taken"));
            return 0;
        }
    }
}

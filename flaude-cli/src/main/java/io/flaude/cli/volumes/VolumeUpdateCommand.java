package io.flaude.cli.volumes;

import io.flaude.fly.FlyValidationException;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeUpdate;
import io.flaude.fly.Volumes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude volumes update VOL_ID -a APP [--snapshot-retention N] [--scheduled-snapshots=BOOL]}. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = "Change a volume's snapshot retention or scheduled snapshots.")
public final class VolumeUpdateCommand extends VolumeCommand {
    @Parameters(index = "0", paramLabel = "VOL_ID")
    String volumeId;

    @Option(names = "--snapshot-retention", paramLabel = "DAYS", description = "Days to keep daily snapshots, 1-60.")
    Integer snapshotRetention;

    @Option(
            names = "--scheduled-snapshots",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Take daily snapshots (true or false).")
    Boolean scheduledSnapshots;

    @Override
    int run(Volumes volumes) {
        if (snapshotRetention == null && scheduledSnapshots == null) {
            throw new FlyValidationException(
                    "nothing to update: pass --snapshot-retention N and/or --scheduled-snapshots=BOOL");
        }
        Volume v = volumes.update(volumeId, new VolumeUpdate(snapshotRetention, scheduledSnapshots));
        print(v, () -> out().println("Updated volume " + v.id() + ": snapshot retention " + v.snapshotRetention()
                + " days, scheduled snapshots " + v.autoBackupEnabled()));
        return 0;
    }
}

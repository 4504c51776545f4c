package io.flaude.cli.volumes;

import io.flaude.fly.FlyValidationException;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeSpec;
import io.flaude.fly.Volumes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude volumes create [NAME] -a APP ...}. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a volume (defaults: name flaude_session, region iad, 1 GB).")
public final class VolumeCreateCommand extends VolumeCommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description = "Volume name: 1-30 lowercase letters, digits, underscores (default: "
                    + VolumeSpec.DEFAULT_NAME + "; a fork: the source's).")
    String name;

    @Option(
            names = {"-r", "--region"},
            description = "Region code (default: " + VolumeSpec.DEFAULT_REGION + "; a fork: the source's).")
    String region;

    @Option(
            names = {"-s", "--size"},
            paramLabel = "SIZE_GB",
            description = "Size in GB, 1-500 (default: 1; a fork: the source's).")
    Integer sizeGb;

    @Option(names = "--snapshot-id", paramLabel = "ID", description = "Restore from this snapshot (vs_...).")
    String snapshotId;

    @Option(names = "--fork-from", paramLabel = "VOL", description = "Fork from this volume (vol_...).")
    String forkFrom;

    @Option(names = "--no-encryption", description = "Do not encrypt the volume (Fly encrypts by default).")
    boolean noEncryption;

    @Option(
            names = "--require-unique-zone",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Place it on hardware holding no other volume of this name (Fly's default: true).")
    Boolean requireUniqueZone;

    @Option(
            names = "--snapshot-retention",
            paramLabel = "DAYS",
            description = "Days to keep daily snapshots, 1-60 (Fly's default: 5).")
    Integer snapshotRetention;

    @Override
    int run(Volumes volumes) {
        if (forkFrom != null && snapshotId != null) {
            throw new FlyValidationException(
                    "--fork-from and --snapshot-id cannot be combined: a volume is made from one source");
        }
        // What was given is checked before any request; a fork takes the rest from its source.
        Volumes.check(VolumeSpec.builder()
                .name(name != null ? name : VolumeSpec.DEFAULT_NAME)
                .region(region != null ? region : VolumeSpec.DEFAULT_REGION)
                .sizeGb(sizeGb != null ? sizeGb : 1)
                .snapshotId(snapshotId)
                .snapshotRetention(snapshotRetention)
                .build());
        Volume source = forkFrom == null ? null : volumes.get(Volumes.checkId(forkFrom));
        VolumeSpec spec = VolumeSpec.builder()
                .name(name != null ? name : source != null ? source.name() : VolumeSpec.DEFAULT_NAME)
                .region(region != null ? region : source != null ? source.region() : VolumeSpec.DEFAULT_REGION)
                .sizeGb(sizeGb != null ? sizeGb : source != null ? Math.max(1, source.sizeGb()) : 1)
                .snapshotId(snapshotId)
                .encrypted(noEncryption ? Boolean.FALSE : null)
                .requireUniqueZone(requireUniqueZone)
                .snapshotRetention(snapshotRetention)
                .build();
        Volume v = forkFrom != null ? volumes.fork(forkFrom, spec) : volumes.create(spec);
        print(v, () -> {
            out().println("Created volume " + v.id() + " (" + v.name() + ", " + v.sizeGb() + "GB in " + v.region()
                    + ", state " + v.stateAsString() + ")");
            VolumeView.details(v, out());
        });
        return 0;
    }
}

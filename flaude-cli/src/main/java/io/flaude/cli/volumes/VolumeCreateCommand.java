package io.flaude.cli.volumes;

import io.flaude.fly.Volume;
import io.flaude.fly.VolumeSpec;
import io.flaude.fly.Volumes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude volumes create [NAME] -a APP ...}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a volume (defaults: name flaude_session, region iad, 1 GB).")
public final class VolumeCreateCommand extends VolumeCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", defaultValue = VolumeSpec.DEFAULT_NAME,
            description = "Volume name: 1-30 lowercase letters, digits, underscores (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = {"-r", "--region"}, defaultValue = VolumeSpec.DEFAULT_REGION,
            description = "Region code (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = {"-s", "--size"}, defaultValue = "1", paramLabel = "SIZE_GB",
            description = "Size in GB, 1-500 (default: ${DEFAULT-VALUE}).")
    int sizeGb;

    @Option(names = "--snapshot-id", paramLabel = "ID", description = "Restore from this snapshot (vs_...).")
    String snapshotId;

    @Option(names = "--fork-from", paramLabel = "VOL", description = "Fork from this volume (vol_...).")
    String forkFrom;

    @Option(names = "--no-encryption", description = "Do not encrypt the volume (Fly encrypts by default).")
    boolean noEncryption;

    @Option(names = "--require-unique-zone", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Place it on hardware holding no other volume of this name (Fly's default: true).")
    Boolean requireUniqueZone;

    @Option(names = "--snapshot-retention", paramLabel = "DAYS", description = "Days to keep daily snapshots, 1-60 (Fly's default: 5).")
    Integer snapshotRetention;

    @Override
    int run(Volumes volumes) {
        VolumeSpec spec = VolumeSpec.builder().name(name).region(region).sizeGb(sizeGb)
                .snapshotId(snapshotId).sourceVolumeId(forkFrom)
                .encrypted(noEncryption ? Boolean.FALSE : null)
                .requireUniqueZone(requireUniqueZone).snapshotRetention(snapshotRetention).build();
        Volume v = volumes.create(spec);
        print(v, () -> {
            out().println("Created volume " + v.id() + " (" + v.name() + ", " + v.sizeGb() + "GB in "
                    + v.region() + ", state " + v.state() + ")");
            VolumeView.details(v, out());
        });
        return 0;
    }
}

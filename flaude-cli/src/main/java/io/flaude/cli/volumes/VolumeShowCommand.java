package io.flaude.cli.volumes;

import io.flaude.fly.Volume;
import io.flaude.fly.Volumes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flaude volumes show VOL_ID -a APP [--json]}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one volume.")
public final class VolumeShowCommand extends VolumeCommand {
    @Parameters(index = "0", paramLabel = "VOL_ID")
    String volumeId;

    @Override
    int run(Volumes volumes) {
        Volume v = volumes.get(volumeId);
        print(v, () -> VolumeView.details(v, out()));
        return 0;
    }
}

package io.flaude.cli.volumes;

import io.flaude.fly.ExtendedVolume;
import io.flaude.fly.FlyValidationException;
import io.flaude.fly.Volumes;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude volumes extend VOL_ID -a APP -s SIZE_GB}: grow only; {@code +N} adds N GB. */
@Command(
        name = "extend",
        mixinStandardHelpOptions = true,
        description = "Grow a volume to SIZE_GB in total, or by N GB with +N. Fly cannot shrink volumes.")
public final class VolumeExtendCommand extends VolumeCommand {
    @Parameters(index = "0", paramLabel = "VOL_ID")
    String volumeId;

    @Option(
            names = {"-s", "--size"},
            required = true,
            paramLabel = "SIZE_GB",
            description = "New total size in GB, or +N to add N GB.")
    String size;

    @Override
    int run(Volumes volumes) {
        boolean relative = size.startsWith("+");
        int n = parse(relative ? size.substring(1) : size);
        if (relative && n < 1) {
            throw new FlyValidationException("invalid size '" + size + "': growing by " + n + " GB changes nothing; "
                    + "give +1 or more, or a new total");
        }
        Volumes.checkId(volumeId);
        int total = relative ? volumes.get(volumeId).sizeGb() + n : n;
        ExtendedVolume r = volumes.extend(volumeId, total);
        print(Map.of("volume", r.volume(), "needs_restart", r.needsRestart()), () -> out().println("Volume "
                + r.volume().id() + " is now " + r.volume().sizeGb() + "GB"
                + (r.needsRestart() ? "; restart its machine for the filesystem to see the space" : "")));
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new FlyValidationException("invalid size '" + s + "': give a whole number of GB, or +N");
        }
    }
}

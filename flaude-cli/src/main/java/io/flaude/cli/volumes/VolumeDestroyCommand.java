package io.flaude.cli.volumes;

import io.flaude.cli.support.DurationConverter;
import io.flaude.cli.support.ExitCodes;
import io.flaude.fly.FlyException;
import io.flaude.fly.Volumes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude volumes destroy VOL_ID... -a APP [--wait-detach]}: an already-gone volume is success. */
@Command(
        name = "destroy",
        aliases = {"delete", "rm"},
        mixinStandardHelpOptions = true,
        description = "Destroy volumes. One that is already gone counts as destroyed. Does not ask for confirmation.")
public final class VolumeDestroyCommand extends VolumeCommand {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "VOL_ID")
    List<String> volumeIds;

    @Option(
            names = "--wait-detach",
            description = "While a destroyed machine still holds a volume (412), retry until it lets go.")
    boolean waitDetach;

    @Option(
            names = "--detach-timeout",
            paramLabel = "DURATION",
            defaultValue = "90s",
            converter = DurationConverter.class,
            description = "How long --wait-detach keeps trying (default: ${DEFAULT-VALUE}).")
    Duration detachTimeout;

    @Option(
            names = {"-y", "--yes"},
            description = "Accepted for flyctl compatibility; flaude never asks.")
    boolean yes;

    @Override
    int run(Volumes volumes) {
        volumeIds.forEach(Volumes::checkId);
        Duration wait = waitDetach ? detachTimeout : Duration.ZERO;
        int code = 0;
        List<Map<String, Object>> results = new ArrayList<>();
        for (String id : volumeIds) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("volume_id", id);
            try {
                boolean destroyed = volumes.destroy(id, wait);
                result.put("destroyed", destroyed);
                result.put("already_gone", !destroyed);
                if (!json) {
                    out().println(destroyed ? "Destroyed volume " + id : "Volume " + id + " was already gone");
                }
            } catch (FlyException e) {
                // One volume's failure must not stop the others; each is reported, and the exit code says it.
                result.put("destroyed", false);
                result.put("error", e.getMessage());
                err().println("Error: " + e.getMessage());
                code = ExitCodes.FAILED;
            }
            results.add(result);
        }
        if (json) {
            printJson(results);
        }
        return code;
    }
}

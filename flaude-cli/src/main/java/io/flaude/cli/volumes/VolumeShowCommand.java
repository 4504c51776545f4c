package io.flaude.cli.volumes;

import io.flaude.cli.AppOption;
import io.flaude.cli.CliCommand;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude volumes show VOL_ID -a APP [--json]}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one volume.")
public final class VolumeShowCommand extends CliCommand {
    @Mixin
    AppOption app;

    @Parameters(index = "0", paramLabel = "VOL_ID")
    String volumeId;

    @Option(names = "--json", description = "Print the volume as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String appName = app.resolve(root());
        try (FlyClient fly = root().client()) {
            Volume v = fly.volumes(appName).get(volumeId);
            if (json) {
                printJson(v);
            } else {
                VolumeView.details(v, out());
            }
        }
        return 0;
    }
}

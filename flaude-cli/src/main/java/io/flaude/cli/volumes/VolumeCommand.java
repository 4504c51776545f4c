package io.flaude.cli.volumes;

import io.flaude.cli.AppOption;
import io.flaude.cli.CliCommand;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Volumes;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command on one app's volumes: {@code -a APP}, {@code --json}, and a client opened for the call. */
abstract class VolumeCommand extends CliCommand {
    @Mixin
    AppOption app;

    @Option(names = "--json", description = "Print JSON (the API's snake_case fields plus app_name).")
    boolean json;

    /** Does the work on the app's volumes; returns the exit code. */
    abstract int run(Volumes volumes);

    @Override
    public final Integer call() {
        String appName = app.resolve(root());
        try (FlyClient fly = root().client()) {
            return run(fly.volumes(appName));
        }
    }

    /** Prints {@code value} as JSON with {@code --json}, else runs {@code forPeople}. */
    void print(Object value, Runnable forPeople) {
        if (json) {
            printJson(value);
        } else {
            forPeople.run();
        }
    }
}

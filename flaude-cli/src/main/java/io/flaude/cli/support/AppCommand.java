package io.flaude.cli.support;

import io.flaude.fly.FlyClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command on one app's resources: {@code -a APP}, {@code --json}, and a client opened for the call. */
public abstract class AppCommand extends CliCommand {
    @Mixin
    protected AppOption app;

    @Option(names = "--json", description = "Print JSON (the API's snake_case fields).")
    protected boolean json;

    /** Does the work on {@code app}; returns the exit code. */
    protected abstract int run(FlyClient fly, String app);

    @Override
    public final Integer call() {
        String appName = app.resolve(context());
        try (FlyClient fly = context().client()) {
            return run(fly, appName);
        }
    }

    /** Prints {@code value} as JSON with {@code --json}, else runs {@code forPeople}. */
    protected void print(Object value, Runnable forPeople) {
        if (json) {
            printJson(value);
        } else {
            forPeople.run();
        }
    }
}

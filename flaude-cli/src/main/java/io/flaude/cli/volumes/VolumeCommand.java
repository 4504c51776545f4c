package io.flaude.cli.volumes;

import io.flaude.cli.support.AppCommand;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Volumes;

/** A command on one app's volumes. */
abstract class VolumeCommand extends AppCommand {
    /** Does the work on the app's volumes; returns the exit code. */
    abstract int run(Volumes volumes);

    @Override
    protected final int run(FlyClient fly, String app) {
        return run(fly.volumes(app));
    }
}

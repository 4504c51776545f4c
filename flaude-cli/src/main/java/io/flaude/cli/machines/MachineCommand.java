package io.flaude.cli.machines;

import io.flaude.cli.support.AppCommand;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Machines;

/** A command on one app's machines. */
abstract class MachineCommand extends AppCommand {
    abstract int run(Machines machines);

    @Override
    protected final int run(FlyClient fly, String app) {
        return run(fly.machines(app));
    }
}

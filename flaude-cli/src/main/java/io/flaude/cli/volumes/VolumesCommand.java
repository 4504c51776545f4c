package io.flaude.cli.volumes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flaude volumes ...}: the volume lifecycle, with flyctl's flags. */
@Command(name = "volumes", aliases = {"volume", "vol"}, mixinStandardHelpOptions = true,
        description = "Create, list, show, extend, update, snapshot and destroy Fly volumes.",
        subcommands = {VolumeCreateCommand.class, VolumeListCommand.class, VolumeShowCommand.class,
                VolumeExtendCommand.class, VolumeUpdateCommand.class, VolumeDestroyCommand.class,
                SnapshotsCommand.class})
public final class VolumesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

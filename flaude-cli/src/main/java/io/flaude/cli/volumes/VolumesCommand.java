package io.flaude.cli.volumes;

import io.flaude.cli.support.GroupCommand;
import picocli.CommandLine.Command;

/** {@code flaude volumes ...}: the volume lifecycle, with flyctl's flags. */
@Command(
        name = "volumes",
        aliases = {"volume", "vol"},
        mixinStandardHelpOptions = true,
        description = "Create, list, show, extend, update, snapshot and destroy Fly volumes.",
        subcommands = {
            VolumeCreateCommand.class,
            VolumeListCommand.class,
            VolumeShowCommand.class,
            VolumeExtendCommand.class,
            VolumeUpdateCommand.class,
            VolumeDestroyCommand.class,
            SnapshotsCommand.class
        })
public final class VolumesCommand extends GroupCommand {}

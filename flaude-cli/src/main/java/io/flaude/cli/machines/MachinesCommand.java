package io.flaude.cli.machines;

import io.flaude.cli.support.GroupCommand;
import picocli.CommandLine.Command;

/** {@code flaude machines list|show|destroy}. */
@Command(
        name = "machines",
        aliases = {"machine", "m"},
        mixinStandardHelpOptions = true,
        description = "List, show or destroy machines.",
        subcommands = {MachineListCommand.class, MachineShowCommand.class, MachineDestroyCommand.class})
public final class MachinesCommand extends GroupCommand {}

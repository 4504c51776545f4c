package io.flaude.cli.apps;

import io.flaude.cli.support.GroupCommand;
import picocli.CommandLine.Command;

/** {@code flaude apps ensure|show APP}. */
@Command(
        name = "apps",
        aliases = "app",
        mixinStandardHelpOptions = true,
        description = "Show or ensure Fly apps.",
        subcommands = {AppEnsureCommand.class, AppShowCommand.class})
public final class AppsCommand extends GroupCommand {}

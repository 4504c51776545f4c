package io.flaude.cli.sessions;

import io.flaude.cli.support.GroupCommand;
import picocli.CommandLine.Command;

/** {@code flaude sessions ...}: persistent multi-turn sessions. */
@Command(
        name = "sessions",
        aliases = "session",
        mixinStandardHelpOptions = true,
        description = {
            "Multi-turn sessions: a volume keeps Claude's transcripts and workspace, a machine is stopped"
                    + " between turns.",
            "Sessions are remembered in $FLAUDE_HOME/sessions.db (default ~/.flaude)."
        },
        subcommands = {
            SessionCreateCommand.class,
            SessionTurnCommand.class,
            SessionListCommand.class,
            SessionShowCommand.class,
            SessionDestroyCommand.class,
            SessionReapCommand.class
        })
public final class SessionsCommand extends GroupCommand {}

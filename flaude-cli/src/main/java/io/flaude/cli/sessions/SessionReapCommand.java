package io.flaude.cli.sessions;

import io.flaude.agent.ReapAction;
import io.flaude.agent.Sessions;
import io.flaude.cli.output.Table;
import io.flaude.cli.support.AppOption;
import io.flaude.cli.support.DurationConverter;
import io.flaude.fly.FlyClient;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flaude sessions reap -a APP [--dry-run] [--grace DUR]}. */
@Command(
        name = "reap",
        mixinStandardHelpOptions = true,
        description = {
            "Settle every session no live process holds, as docs/reliability.md's lifecycle says: roll back "
                    + "creates that stopped, finish destroys cut short, set sessions whose turn was abandoned idle, "
                    + "destroy expired and broken ones (their machine gone); destroy one-shot machines no live run "
                    + "holds, and unset run tokens no machine reads.",
            "Live work (a create, turn, destroy or run in any process: its record mark or its machine's lease) is "
                    + "never touched, so this is safe to run at any time. Only what no session record names "
                    + "(another store's sessions look like lost ones) waits for --grace."
        })
public final class SessionReapCommand extends SessionCommand {
    @Mixin
    AppOption app;

    @Option(names = "--dry-run", description = "Only report what would be destroyed.")
    boolean dryRun;

    @Option(
            names = "--grace",
            defaultValue = "1h",
            converter = DurationConverter.class,
            description = "Leave session machines, volumes and tokens that no record names until this old "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Override
    int run(Sessions sessions, FlyClient fly) {
        String appName = app.resolve(context());
        List<ReapAction> actions = dryRun ? sessions.planReap(appName, grace) : sessions.reap(appName, grace);
        if (json) {
            printJson(actions);
        } else if (actions.isEmpty()) {
            out().println("Nothing to reap");
        } else {
            Table t = new Table("KIND", "ID", "ACTION", "REASON", "RESULT");
            actions.forEach(a -> t.row(
                    lower(a.kind().name()),
                    a.id(),
                    lower(a.step().name()).replace('_', ' '),
                    a.reason(),
                    dryRun ? "planned (dry run)" : a.done() ? "done" : "failed: " + a.error()));
            t.print(out());
        }
        return actions.stream().anyMatch(a -> a.error() != null) ? 1 : 0;
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}

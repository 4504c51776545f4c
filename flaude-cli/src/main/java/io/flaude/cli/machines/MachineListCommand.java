package io.flaude.cli.machines;

import io.flaude.agent.AgentConfig;
import io.flaude.cli.output.Table;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.Machines;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flaude machines list -a APP [--all] [--json]}. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List the app's machines.")
public final class MachineListCommand extends MachineCommand {
    @Option(names = "--all", description = "Include destroyed machines.")
    boolean all;

    @Override
    int run(Machines machines) {
        List<Machine> list =
                machines.list(all ? MachineListOptions.DEFAULT.includingDeleted() : MachineListOptions.DEFAULT);
        if (json) {
            printJson(list);
            return 0;
        }
        Table t = new Table("ID", "NAME", "STATE", "REGION", "IMAGE", "SESSION", "CREATED AT");
        list.forEach(m -> t.row(
                m.id(),
                m.name(),
                m.stateAsString(),
                m.region(),
                m.config() == null ? null : m.config().image(),
                m.metadata(AgentConfig.METADATA_SESSION_ID).orElse(null),
                m.createdAt()));
        t.print(out());
        return 0;
    }
}

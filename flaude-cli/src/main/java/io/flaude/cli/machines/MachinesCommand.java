package io.flaude.cli.machines;

import io.flaude.cli.AppCommand;
import io.flaude.cli.output.Table;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Machine;
import io.flaude.fly.Machines;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flaude machines list|show|destroy}. */
@Command(name = "machines", aliases = {"machine", "m"}, mixinStandardHelpOptions = true, description = "List, show or destroy machines.",
        subcommands = {MachinesCommand.List.class, MachinesCommand.Show.class, MachinesCommand.Destroy.class})
public final class MachinesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command on one app's machines. */
    abstract static class MachineCommand extends AppCommand {
        abstract int run(Machines machines);

        @Override
        protected final int run(FlyClient fly, String app) {
            return run(fly.machines(app));
        }
    }

    /** {@code flaude machines list -a APP [--all] [--json]}. */
    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List the app's machines.")
    public static final class List extends MachineCommand {
        @Option(names = "--all", description = "Include destroyed machines.")
        boolean all;

        @Override
        int run(Machines machines) {
            java.util.List<Machine> list = machines.list(all, Map.of());
            if (json) {
                printJson(list);
                return 0;
            }
            Table t = new Table("ID", "NAME", "STATE", "REGION", "IMAGE", "SESSION", "CREATED AT");
            list.forEach(m -> t.row(m.id(), m.name(), m.state(), m.region(), m.config() == null ? null : m.config().image(),
                    m.metadata("session_id").orElse(null), m.createdAt()));
            t.print(out());
            return 0;
        }
    }

    /** {@code flaude machines show MACHINE_ID -a APP [--json]}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one machine.")
    public static final class Show extends MachineCommand {
        @Parameters(index = "0", paramLabel = "MACHINE_ID")
        String machineId;

        @Override
        int run(Machines machines) {
            Machine m = machines.get(machineId);
            if (json) {
                printJson(m);
                return 0;
            }
            new Table("FIELD", "VALUE").row("ID", m.id()).row("Name", m.name()).row("State", m.state())
                    .row("Region", m.region()).row("Instance", m.instanceId())
                    .row("Image", m.config() == null ? null : m.config().image())
                    .row("Metadata", m.config() == null ? null : m.config().metadata())
                    .row("Mounts", m.config() == null ? null : m.config().mounts())
                    .row("Last exit code", m.lastExitCode().orElse(null)).row("Created at", m.createdAt()).print(out());
            return 0;
        }
    }

    /** {@code flaude machines destroy MACHINE_ID -a APP [--force]}: an already-gone machine is success. */
    @Command(name = "destroy", aliases = {"rm"}, mixinStandardHelpOptions = true, description = "Destroy a machine.")
    public static final class Destroy extends MachineCommand {
        @Parameters(index = "0", paramLabel = "MACHINE_ID")
        String machineId;

        @Option(names = {"-f", "--force"}, description = "Kill it if it is running.")
        boolean force;

        @Override
        int run(Machines machines) {
            boolean destroyed = machines.destroy(machineId, force, null);
            out().println(destroyed ? "Destroyed machine " + machineId : "Machine " + machineId + " was already gone");
            return 0;
        }
    }
}

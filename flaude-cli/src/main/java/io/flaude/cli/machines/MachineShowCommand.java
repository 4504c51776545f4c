package io.flaude.cli.machines;

import io.flaude.cli.output.Table;
import io.flaude.fly.Machine;
import io.flaude.fly.Machines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flaude machines show MACHINE_ID -a APP [--json]}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one machine.")
public final class MachineShowCommand extends MachineCommand {
    @Parameters(index = "0", paramLabel = "MACHINE_ID")
    String machineId;

    @Override
    int run(Machines machines) {
        Machine m = machines.get(machineId);
        if (json) {
            printJson(m);
            return 0;
        }
        new Table("FIELD", "VALUE")
                .row("ID", m.id())
                .row("Name", m.name())
                .row("State", m.stateAsString())
                .row("Region", m.region())
                .row("Instance", m.instanceId())
                .row("Image", m.config() == null ? null : m.config().image())
                .row("Metadata", m.config() == null ? null : m.config().metadata())
                .row("Mounts", m.config() == null ? null : m.config().mounts())
                .row("Last exit code", m.lastExitCode().orElse(null))
                .row("Created at", m.createdAt())
                .print(out());
        return 0;
    }
}

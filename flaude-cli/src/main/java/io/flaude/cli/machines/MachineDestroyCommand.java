package io.flaude.cli.machines;

import io.flaude.fly.Machines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude machines destroy MACHINE_ID -a APP [--force]}: an already-gone machine is success. */
@Command(
        name = "destroy",
        aliases = {"rm"},
        mixinStandardHelpOptions = true,
        description = "Destroy a machine.")
public final class MachineDestroyCommand extends MachineCommand {
    @Parameters(index = "0", paramLabel = "MACHINE_ID")
    String machineId;

    @Option(
            names = {"-f", "--force"},
            description = "Kill it if it is running.")
    boolean force;

    @Override
    int run(Machines machines) {
        boolean destroyed = machines.destroy(machineId, force);
        print(
                java.util.Map.of("machine_id", machineId, "destroyed", destroyed, "already_gone", !destroyed),
                () -> out().println(
                                destroyed
                                        ? "Destroyed machine " + machineId
                                        : "Machine " + machineId + " was already gone"));
        return 0;
    }
}

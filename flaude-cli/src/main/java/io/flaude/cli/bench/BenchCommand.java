package io.flaude.cli.bench;

import io.flaude.cli.support.GroupCommand;
import picocli.CommandLine.Command;

/** {@code flaude bench ...}: benchmarks that print figures. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures.",
        subcommands = {
            VolumeBenchCommand.class,
            SessionBenchCommand.class,
            BatchBenchCommand.class,
            LogBenchCommand.class
        })
public final class BenchCommand extends GroupCommand {}

package io.flaude.cli;

import io.flaude.cli.support.ExitCodes;
import io.flaude.cli.support.SignalledWork;
import io.flaude.fly.FlyApiException;
import io.flaude.fly.FlyValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The composition root: builds the command line once, with its writers, environment, exit-code
 * mapping and error handler. Used by {@link Main} and by tests (no {@code System.out} swapping).
 */
public final class FlaudeCli {
    private FlaudeCli() {}

    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new RootCommand(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter w = e.getCommandLine().getErr();
            RootCommand root =
                    e.getCommandLine().getCommandSpec().root().commandLine().getCommand();
            w.println("Error: " + root.redact(e.getMessage()));
            w.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            w.flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SignalledWork.Interrupted) {
                return ExitCodes.FAILED; // the command said what its cleanup did; the JVM exits with the signal's code
            }
            RootCommand root = commandLine.getCommandSpec().root().commandLine().getCommand();
            PrintWriter w = commandLine.getErr();
            w.println("Error: " + root.redact(describe(e)));
            if (root.verbose()) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                w.print(root.redact(trace.toString()));
            }
            w.flush();
            return exitCode(e);
        });
        return cli;
    }

    static int exitCode(Throwable e) {
        if (e instanceof FlyValidationException
                || e instanceof CommandLine.ParameterException
                || e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    private static String describe(Throwable e) {
        if (e instanceof FlyApiException fly) {
            String id = fly.requestId().map(r -> " (fly-request-id " + r + ")").orElse("");
            return fly.getMessage() + id;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

package io.flaude.cli;

import io.flaude.fly.FlyException;
import io.flaude.fly.FlyValidationException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The composition root: builds the command line once, with its writers, environment, exit-code
 * mapping and error handler. Used by {@link Main} and by tests (no {@code System.out} swapping).
 */
public final class FlaudeCli {
    /** Success, including destroying a volume that was already gone. */
    public static final int OK = 0;
    /** The Fly API (or anything at run time) failed; stderr names the status and Fly's message. */
    public static final int FAILED = 1;
    /** Bad usage or input refused before any request. */
    public static final int USAGE = 2;

    private FlaudeCli() {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new RootCommand(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            RootCommand root = commandLine.getCommandSpec().root().commandLine().getCommand();
            PrintWriter w = commandLine.getErr();
            w.println("Error: " + describe(e));
            if (root.verbose()) {
                e.printStackTrace(w);
            }
            w.flush();
            return exitCode(e);
        });
        return cli;
    }

    static int exitCode(Throwable e) {
        if (e instanceof FlyValidationException || e instanceof CommandLine.ParameterException
                || e instanceof IllegalArgumentException) {
            return USAGE;
        }
        return FAILED;
    }

    private static String describe(Throwable e) {
        if (e instanceof FlyException fly) {
            String id = fly.requestId().map(r -> " (fly-request-id " + r + ")").orElse("");
            return fly.getMessage() + id;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

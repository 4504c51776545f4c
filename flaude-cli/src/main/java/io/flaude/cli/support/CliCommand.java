package io.flaude.cli.support;

import io.flaude.cli.output.JsonOutput;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The base of every leaf command: its writers, the root's options, and JSON printing. */
public abstract class CliCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    /** The root command's options and resources. */
    protected CliContext context() {
        return (CliContext) spec.root().userObject();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected void printJson(Object value) {
        out().println(JsonOutput.write(value));
        out().flush();
    }
}

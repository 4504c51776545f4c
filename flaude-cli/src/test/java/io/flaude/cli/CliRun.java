package io.flaude.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of the command line through picocli's writers: exit code, stdout, stderr. */
record CliRun(int code, String out, String err) {

    static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlaudeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env)
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}

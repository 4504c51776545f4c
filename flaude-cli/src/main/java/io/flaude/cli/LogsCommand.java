package io.flaude.cli;

import io.flaude.cli.output.JsonOutput;
import io.flaude.cli.support.AppCommand;
import io.flaude.fly.FlyClient;
import io.flaude.fly.LogFollow;
import io.flaude.fly.LogLine;
import io.flaude.fly.LogPosition;
import io.flaude.fly.Logs;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flaude logs MACHINE_ID -a APP [--follow] [--json]}: a machine's log lines, then (with -f) new ones. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "Print a machine's log lines from Fly's logs API (oldest first); with --follow, keep printing"
                    + " new ones as they come until Ctrl-C.",
            "Live over Fly's NATS log stream where it can be reached (--nats-url; on a Fly machine by default);"
                    + " polling the logs API otherwise."
        })
public final class LogsCommand extends AppCommand {
    @Parameters(index = "0", paramLabel = "MACHINE_ID", description = "The machine whose lines to print.")
    String machineId;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new lines until interrupted (Ctrl-C).")
    boolean follow;

    @Override
    protected int run(FlyClient fly, String app) {
        Logs logs = fly.logs(app);
        if (!follow) {
            logs.drain(machineId).lines().forEach(this::print);
            return 0;
        }
        try (LogFollow ignored = logs.follow(machineId, LogPosition.START, this::print)) {
            while (true) {
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void print(LogLine line) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put(
                    "timestamp",
                    line.timestamp() == null ? null : line.timestamp().toString());
            o.put("instance", line.instance());
            o.put("region", line.region());
            o.put("level", line.level());
            o.put("message", line.message());
            out().println(JsonOutput.writeLine(o));
        } else {
            out().println((line.timestamp() == null ? "-" : line.timestamp().toString()) + " "
                    + (line.region() == null ? "-" : line.region()) + " " + line.message());
        }
        out().flush();
    }
}

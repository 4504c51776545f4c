package io.flaude.agent;

import io.flaude.fly.FlyException;
import java.util.List;

/**
 * A run or turn ended badly: a non-zero exit code, a {@code failed} machine, no exit code at all, or
 * a machine that vanished before reporting one. Carries the machine, the exit code, the state and the
 * last 20 log lines.
 */
public class RunFailedException extends FlyException {
    private final RunResult result;

    public RunFailedException(String what, RunResult result) {
        super(what + " on machine " + result.machineId() + " failed: " + reason(result));
        this.result = result;
    }

    private static String reason(RunResult r) {
        if ("vanished".equals(r.state())) {
            return "the machine vanished before reporting an exit code";
        }
        if (r.exitCode() == null) {
            return "no exit code (state " + r.state() + ")";
        }
        return "exit code " + r.exitCode() + " (state " + r.state() + ")";
    }

    public String machineId() {
        return result.machineId();
    }

    /** The exit code, or {@code null} when none was reported. */
    public Integer exitCode() {
        return result.exitCode();
    }

    public String state() {
        return result.state();
    }

    /** The last 20 lines the run printed. */
    public List<String> lastLogLines() {
        List<String> all = result.logLines();
        return all.subList(Math.max(0, all.size() - 20), all.size());
    }

    /** Everything known about the run. */
    public RunResult result() {
        return result;
    }
}

package io.flaude.agent;

import java.util.List;
import java.util.Optional;

/**
 * How one run (or session turn) ended.
 *
 * @param instanceId the machine instance that ran (it changes with every turn)
 * @param exitCode   Claude's exit code: the {@code [flaude:exit:N]} log marker when printed, else the
 *                   exit event's code; {@code null} when neither is known
 * @param state      the machine's state afterwards ({@code vanished} if it no longer exists)
 * @param logLines   every line this run printed, in order
 * @param manifest   the JSON of the {@code [flaude:manifest:...]} line, if printed
 */
public record RunResult(String machineId, String instanceId, Integer exitCode, String state,
                        List<String> logLines, String manifest) {

    public RunResult {
        logLines = List.copyOf(logLines);
    }

    /** Exit code 0 and a machine that did not fail. */
    public boolean succeeded() {
        return exitCode != null && exitCode == 0 && !"failed".equals(state);
    }

    /** What Claude printed: the log lines without flaude's own {@code [flaude...]} lines. */
    public List<String> output() {
        return logLines.stream().filter(l -> !l.startsWith("[flaude")).toList();
    }

    public Optional<String> manifestJson() {
        return Optional.ofNullable(manifest);
    }
}

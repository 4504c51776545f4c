package io.flaude.agent;

import java.util.List;
import java.util.Optional;

/**
 * A run or turn ended badly: a non-zero exit code, a {@code failed} machine, no exit code at all, or
 * a machine that vanished before reporting one ({@link #outcome()}). Carries the whole
 * {@link RunResult}, and the last 20 log lines for the message's reader.
 */
public class RunFailedException extends FlaudeException {
    private final RunResult result;
    private final Session session;

    public RunFailedException(String what, RunResult result) {
        this(what, result, null);
    }

    /** A failed turn of {@code session} (as it stands after the turn), or a run when {@code session} is null. */
    public RunFailedException(String what, RunResult result, Session session) {
        super(what + " on machine " + result.machineId() + " failed: " + reason(result), null);
        this.result = result;
        this.session = session;
    }

    /** The session whose turn failed, as it stands after the turn; empty for a one-shot run. */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    private static String reason(RunResult r) {
        return switch (r.outcome()) {
            case VANISHED -> "the machine vanished before reporting an exit code";
            case NO_EXIT_CODE -> "no exit code (state " + r.machineStateAsString() + ")";
            default ->
                "exit code " + r.exitCode() + " (state "
                        + (r.machineStateAsString() == null ? "gone" : r.machineStateAsString()) + ")";
        };
    }

    /** How the run ended (never {@link RunOutcome#SUCCEEDED}). */
    public RunOutcome outcome() {
        return result.outcome();
    }

    /** The last 20 lines the run printed. */
    public List<String> lastLogLines() {
        List<String> all = result.logLines();
        return all.subList(Math.max(0, all.size() - 20), all.size());
    }

    /** Everything known about the run: machine, instance, exit code, machine state, lines. */
    public RunResult result() {
        return result;
    }
}

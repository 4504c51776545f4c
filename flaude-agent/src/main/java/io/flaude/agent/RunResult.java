package io.flaude.agent;

import io.flaude.agent.internal.ImageContract;
import io.flaude.fly.MachineState;
import java.util.List;
import java.util.Optional;

/**
 * How one run (or session turn) ended.
 *
 * @param instanceId            the machine instance that ran (it changes with every turn)
 * @param exitCode              Claude's exit code: the {@code [flaude:exit:N]} log marker when printed,
 *                              else the exit event's code; {@code null} when neither is known
 * @param machineStateAsString  the machine's state afterwards as Fly sent it; {@code null} when the
 *                              machine no longer exists
 * @param logLines              every line this run printed, in order
 * @param manifest              the JSON of the {@code [flaude:manifest:...]} line; {@code null} when
 *                              none was printed
 * @param cleanupFailures       what went wrong destroying the run's machine afterwards (empty when it
 *                              went): a separate fact from how the run ended, so a run that worked is
 *                              never reported failed (and run twice) because its cleanup failed
 */
public record RunResult(
        String machineId,
        String instanceId,
        Integer exitCode,
        String machineStateAsString,
        List<String> logLines,
        String manifest,
        List<String> cleanupFailures) {

    public RunResult {
        logLines = List.copyOf(logLines);
        cleanupFailures = cleanupFailures == null ? List.of() : List.copyOf(cleanupFailures);
    }

    /** Whether everything the run made was destroyed afterwards (a session turn leaves its machine by design). */
    public boolean cleanedUp() {
        return cleanupFailures.isEmpty();
    }

    /** The same result, with what went wrong in its cleanup. */
    public RunResult withCleanupFailures(List<String> failures) {
        return new RunResult(machineId, instanceId, exitCode, machineStateAsString, logLines, manifest, failures);
    }

    /** The machine's state afterwards; empty when it no longer exists. */
    public Optional<MachineState> machineState() {
        return Optional.ofNullable(machineStateAsString).map(MachineState::fromWire);
    }

    /** How the run ended. */
    public RunOutcome outcome() {
        if (machineStateAsString == null && exitCode == null) {
            return RunOutcome.VANISHED;
        }
        if (exitCode == null) {
            return RunOutcome.NO_EXIT_CODE;
        }
        if (exitCode != 0) {
            return RunOutcome.EXITED_NON_ZERO;
        }
        return machineState().filter(s -> s == MachineState.FAILED).isPresent()
                ? RunOutcome.MACHINE_FAILED
                : RunOutcome.SUCCEEDED;
    }

    /** Exit code 0 and a machine that did not fail. */
    public boolean succeeded() {
        return outcome() == RunOutcome.SUCCEEDED;
    }

    /** What Claude printed: the log lines without flaude's own {@code [flaude...]} lines. */
    public List<String> output() {
        return logLines.stream().filter(l -> !isFlaudeLine(l)).toList();
    }

    /** Whether a log line is flaude's own ({@code [flaude...]}: the image's progress, manifest and exit lines). */
    public static boolean isFlaudeLine(String line) {
        return line.startsWith(ImageContract.LINE_PREFIX);
    }
}

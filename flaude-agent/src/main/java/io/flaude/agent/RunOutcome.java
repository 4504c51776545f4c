package io.flaude.agent;

/** How a run or turn ended, by the one exit-code rule (see {@link RunResult}). */
public enum RunOutcome {
    /** Claude exited 0 and the machine did not fail. */
    SUCCEEDED,
    /** Claude exited with a non-zero code. */
    EXITED_NON_ZERO,
    /** The machine ended {@code failed} although Claude's exit code was 0. */
    MACHINE_FAILED,
    /** Neither the {@code [flaude:exit:N]} marker nor an exit event told the exit code. */
    NO_EXIT_CODE,
    /** The machine was gone before it reported an exit code. */
    VANISHED
}

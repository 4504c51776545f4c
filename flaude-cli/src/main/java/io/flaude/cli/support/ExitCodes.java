package io.flaude.cli.support;

/** The CLI's exit codes, listed in {@code flaude --help}. */
public final class ExitCodes {
    /** Success, including destroying something that was already gone. */
    public static final int OK = 0;
    /** The Fly API (or anything at run time) failed; stderr names the status and Fly's message. */
    public static final int FAILED = 1;
    /** Bad usage or input refused before any request. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}

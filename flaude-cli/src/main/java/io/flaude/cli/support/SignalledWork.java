package io.flaude.cli.support;

import io.flaude.agent.CleanupFailedException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one shape of the commands that start Claude (run, sessions create, sessions turn) under a
 * {@link CleanupOnSignal}: when a signal cut the work short, one line says what the cleanup did, or what
 * may be left (from the typed {@link CleanupFailedException}s), and the command ends with nothing more
 * printed ({@link Interrupted}; the exit code is the signal's). Any other failure is raised as it is.
 */
public final class SignalledWork {
    /** A command a signal ended, after it said so: the error handler prints nothing more. */
    public static final class Interrupted extends RuntimeException {
        Interrupted(RuntimeException cause) {
            super("interrupted by a signal", cause);
        }
    }

    private SignalledWork() {}

    /**
     * @param cleanedUp what to say when the cleanup left nothing
     * @param left      what to say when it did, given the first cleanup failure's message
     */
    public static <T> T run(
            CleanupOnSignal signal,
            PrintWriter err,
            Supplier<T> work,
            Supplier<String> cleanedUp,
            Function<String, String> left) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!signal.signalled()) {
                throw e;
            }
            List<CleanupFailedException> failures = CleanupFailedException.on(e);
            err.println(
                    failures.isEmpty()
                            ? cleanedUp.get()
                            : left.apply(failures.get(0).failure().getMessage()));
            err.flush();
            throw new Interrupted(e);
        }
    }
}

package io.flaude.cli.support;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Turns SIGINT and SIGTERM (Ctrl-C, {@code kill}) during a command into an interrupt of the command's
 * thread, so the library cleans up as it does for any interrupt (a run destroys its machine, a create
 * rolls back, a turn stops its machine and releases the lease), and keeps the JVM alive until that
 * is done, for at most the cleanup budget. If the cleanup does not finish in time, it prints what
 * may be left. Close it when the work is done. The JVM then exits with 128 + the signal (130 for
 * SIGINT, 143 for SIGTERM).
 */
public final class CleanupOnSignal implements AutoCloseable {
    private final Thread worker = Thread.currentThread();
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final Thread hook;

    /**
     * @param whatMayBeLeft what to name if the cleanup does not finish, asked only then
     */
    public CleanupOnSignal(PrintWriter err, String what, Duration budget, Supplier<String> whatMayBeLeft) {
        hook = new Thread(
                () -> {
                    signalled.set(true);
                    err.println("Interrupted: cleaning up " + what + " before exiting ...");
                    err.flush();
                    worker.interrupt();
                    try {
                        if (!done.await(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                            err.println("Cleanup did not finish within " + budget.toSeconds() + " s; may be left: "
                                    + whatMayBeLeft.get());
                            err.flush();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "flaude-cleanup-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal arrived while the work ran. */
    public boolean signalled() {
        return signalled.get();
    }

    /** The work is over (done, failed or cleaned up after a signal): the JVM may exit. */
    @Override
    public void close() {
        done.countDown();
        if (!signalled.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway
            }
        }
    }
}

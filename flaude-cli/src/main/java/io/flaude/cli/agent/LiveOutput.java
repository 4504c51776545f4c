package io.flaude.cli.agent;

import io.flaude.agent.RunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Prints the machine's log lines as they arrive (unless JSON was asked for) and, on a terminal, a
 * progress line on stderr while waiting, erased before each printed line and at the end.
 */
public final class LiveOutput implements Consumer<String>, AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean printLines;
    private final Thread ticker;
    private final ReentrantLock lock = new ReentrantLock();
    private final LongSupplier nanoTime;
    private final Duration every;
    private final long started;

    public LiveOutput(PrintWriter out, PrintWriter err, boolean printLines, boolean terminal, String what) {
        this(out, err, printLines, terminal, what, System::nanoTime, Duration.ofSeconds(1));
    }

    /** With the clock the elapsed time is read from, and how often the progress line is redrawn (tests). */
    LiveOutput(
            PrintWriter out,
            PrintWriter err,
            boolean printLines,
            boolean terminal,
            String what,
            LongSupplier nanoTime,
            Duration every) {
        this.out = out;
        this.err = err;
        this.printLines = printLines;
        this.nanoTime = nanoTime;
        this.every = every;
        this.started = nanoTime.getAsLong();
        this.ticker = terminal ? Thread.ofVirtual().start(() -> tick(what)) : null;
    }

    /** Whether stdout is a terminal (no progress line when piped or in tests). */
    public static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Console.isTerminal() exists from JDK 22; on 21 a non-null console means a terminal
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private void tick(String what) {
        try {
            while (true) {
                lock.lock();
                try {
                    err.print("\r\033[K" + what + " ... "
                            + Duration.ofNanos(nanoTime.getAsLong() - started).toSeconds() + " s");
                    err.flush();
                } finally {
                    lock.unlock();
                }
                Thread.sleep(every);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void accept(String line) {
        if (!printLines) {
            return;
        }
        lock.lock();
        try {
            if (ticker != null) {
                err.print("\r\033[K");
                err.flush();
            }
            // Claude's answer on stdout; flaude's own [flaude...] lines (progress, manifest, exit) on stderr.
            PrintWriter to = RunResult.isFlaudeLine(line) ? err : out;
            to.println(line);
            to.flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            lock.lock();
            try {
                err.print("\r\033[K");
                err.flush();
            } finally {
                lock.unlock();
            }
        }
    }
}

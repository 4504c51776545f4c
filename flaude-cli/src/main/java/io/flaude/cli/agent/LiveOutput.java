package io.flaude.cli.agent;

import io.flaude.agent.RunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

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
    private final long started = System.nanoTime();

    public LiveOutput(PrintWriter out, PrintWriter err, boolean printLines, boolean terminal, String what) {
        this.out = out;
        this.err = err;
        this.printLines = printLines;
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
                    err.print("\r\033[K" + what + " ... " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
                    err.flush();
                } finally {
                    lock.unlock();
                }
                Thread.sleep(1000);
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

package io.flaude.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits in a test for what the emulator's background work makes true: a machine printing its first
 * line, a log line arriving, a request reaching the journal. It checks the condition every few
 * milliseconds and returns as soon as it holds, so a test waits for an event, never for a fixed time;
 * after {@code timeout} it fails with {@link AssertionError} naming what was awaited.
 *
 * <pre>{@code
 * Await.until("the first line", Duration.ofSeconds(10), () -> !lines.isEmpty());
 * }</pre>
 */
public final class Await {
    private static final long CHECK_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {}

    /** Returns once {@code condition} holds; fails after {@code timeout} saying that {@code what} never came. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not come within " + timeout.toMillis() + " ms");
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while awaiting " + what);
            }
            LockSupport.parkNanos(CHECK_NANOS);
        }
    }
}

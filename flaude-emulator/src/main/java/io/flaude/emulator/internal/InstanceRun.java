package io.flaude.emulator.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One run of a machine instance (one version, one start) on its own virtual thread: booting, then the
 * simulated agent. {@link #ending} and {@link #started} are guarded by the {@link Store} lock; the
 * interrupt handshake works whether or not the thread has begun yet.
 */
final class InstanceRun {
    /** How the run was asked to end, if it was. */
    enum Ending {
        /** Not asked: the workload ends by itself. */
        NONE,
        /** A stop: SIGTERM, the machine ends stopped. */
        STOP,
        /** An update of a running machine: SIGTERM, and a run of the new version follows. */
        REPLACE,
        /** SIGKILL (a forced destroy, a SIGKILL stop) or the emulator forgetting it: no more output. */
        KILL,
        /** A restart: SIGTERM, then the same version boots again. */
        RESTART,
        /** A suspend: the instance is frozen; the machine ends {@code suspended}, and a start boots it again. */
        SUSPEND
    }

    final String app;
    final String machineId;
    final String version;
    final String runId = Ids.logId();
    /** The run this one replaces, which must end before this one boots; null when none. */
    final InstanceRun previous;

    Ending ending = Ending.NONE;
    /** Whether the agent has started (the machine reached {@code started} on this run). */
    boolean started;

    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile Thread thread;
    private volatile boolean interruptRequested;

    InstanceRun(String app, String machineId, String version, InstanceRun previous) {
        this.app = app;
        this.machineId = machineId;
        this.version = version;
        this.previous = previous;
    }

    /** Called first on the run's own thread. */
    void attach() {
        thread = Thread.currentThread();
        if (interruptRequested) {
            thread.interrupt();
        }
    }

    /** Interrupts the run's thread now, or as soon as it attaches. */
    void interrupt() {
        interruptRequested = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Waits until the run's thread is done with it. */
    void awaitFinished() throws InterruptedException {
        try {
            finished.get();
        } catch (ExecutionException e) {
            // finish() never completes exceptionally
        }
    }

    void finish() {
        finished.complete(null);
    }
}

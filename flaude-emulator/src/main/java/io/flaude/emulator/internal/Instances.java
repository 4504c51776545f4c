package io.flaude.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Runs machine instances in the background and applies what happens to them: boot ({@code created}
 * or {@code starting}, then {@code started}), the workload's exit ({@code stopped} or {@code failed},
 * then {@code destroyed} with {@code auto_destroy} unless failed), kills, and a destroyed machine's volume detaching
 * after the detach delay. What runs is the image's workload ({@link Workloads}). A workload that exits
 * by itself is restarted as the machine's restart policy says (Fly's docs): {@code always} every time,
 * {@code on-failure} (the default) after a non-zero exit up to {@code max_retries} (default 10) times
 * in a row, {@code no} and {@code spot-price} never; a machine with {@code auto_destroy} is destroyed
 * instead. Methods without a
 * "background" note must be called inside {@link Store#locked}.
 */
final class Instances {
    private final Store store;
    private final VolumeFiles files;
    private final Duration detachDelay;
    private final Duration stopDelay;
    private final MachineEvents events;
    private final Workloads workloads;
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("flaude-emulator-machine-", 0).factory());
    /** The current run of each machine id. */
    private final Map<String, InstanceRun> runs = new HashMap<>();
    /** Restarts by the policy since the last start asked for by a user, per machine id. */
    private final Map<String, Integer> policyRestarts = new HashMap<>();
    /** The pause before a restart by the policy, so a crash loop does not spin. */
    private static final Duration RESTART_BACKOFF = Duration.ofMillis(100);

    private boolean closed;
    private final LogSink sink;

    Instances(
            Store store,
            VolumeFiles files,
            Duration detachDelay,
            Duration stopDelay,
            Workloads workloads,
            LogSink sink) {
        this.store = store;
        this.sink = sink;
        this.workloads = workloads;
        this.files = files;
        this.detachDelay = detachDelay;
        this.stopDelay = stopDelay;
        this.events = new MachineEvents(store);
    }

    /** How long an instance takes to exit after SIGTERM. */
    Duration stopDelay() {
        return stopDelay;
    }

    /** Where printed lines also go (NATS, a log shipper), or null. */
    LogSink sink() {
        return sink;
    }

    MachineEvents events() {
        return events;
    }

    /** Boots the machine's current version; a run still in place is awaited first (an update). */
    void launch(String app, MachineRecord machine) {
        policyRestarts.remove(machine.id());
        start(app, machine);
    }

    private void start(String app, MachineRecord machine) {
        InstanceRun run = new InstanceRun(app, machine.id(), machine.version(), runs.remove(machine.id()));
        runs.put(machine.id(), run);
        background.execute(new InstanceWorker(run, store, this, files, workloads));
    }

    /** Sends SIGTERM to the current run, which then ends as {@code ending}; false when none runs. */
    boolean terminate(String machineId, InstanceRun.Ending ending) {
        InstanceRun run = runs.get(machineId);
        if (run == null) {
            return false;
        }
        if (run.ending == InstanceRun.Ending.NONE) {
            run.ending = ending;
        }
        run.interrupt();
        return true;
    }

    /** SIGKILL: the current run ends at once without output; its exit (137, signal 9) is recorded now. */
    void kill(MachineRecord machine) {
        InstanceRun run = runs.remove(machine.id());
        if (run == null) {
            return;
        }
        run.ending = InstanceRun.Ending.KILL;
        run.interrupt();
        if (run.started) {
            events.exit(machine.id(), run.version, MachineRecord.STOPPED, 137, 9, true, false);
        }
    }

    /** Marks the machine destroyed, drops its lease and detaches its volume after the detach delay. */
    MachineRecord destroy(String app, MachineRecord machine, String source) {
        MachineRecord destroyed = machine.withState(MachineRecord.DESTROYED, Instant.now());
        store.putMachine(app, destroyed);
        events.add(machine.id(), "destroy", MachineRecord.DESTROYED, source, machine.version(), null);
        store.putLease(machine.id(), null);
        MachineConfigs.Mount mount = machine.mount();
        if (mount != null) {
            detachLater(app, mount.volume(), machine.id());
        }
        return destroyed;
    }

    /** Silences and forgets every run of the app (it is being deleted). */
    void forgetApp(String app) {
        for (InstanceRun run : new ArrayList<>(runs.values())) {
            if (run.app.equals(app)) {
                forget(run);
            }
        }
    }

    /** Silences and forgets every run (a reset). */
    void forgetAll() {
        new ArrayList<>(runs.values()).forEach(this::forget);
    }

    /** Background: stops every run and timer; nothing is applied after this. Call outside the lock. */
    void close() {
        store.locked(() -> {
            closed = true;
            forgetAll();
            return null;
        });
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forget(InstanceRun run) {
        runs.remove(run.machineId, run);
        run.ending = InstanceRun.Ending.KILL;
        run.interrupt();
    }

    /** Whether the machine's restart policy restarts a workload that exited by itself with {@code code}. */
    private boolean restartsByPolicy(MachineRecord machine, int code) {
        JsonNode restart = machine.config().path("restart");
        String policy = restart.path("policy").stringValue("on-failure");
        int done = policyRestarts.getOrDefault(machine.id(), 0);
        return switch (policy) {
            case "always" -> true;
            case "on-failure" -> code != 0 && done < restart.path("max_retries").asInt(10);
            default -> false;
        };
    }

    /** Background: boots the same version again after the backoff, unless the machine moved on meanwhile. */
    private void restartLater(String app, String machineId, String version) {
        background.execute(() -> {
            try {
                Thread.sleep(RESTART_BACKOFF);
            } catch (InterruptedException e) {
                return;
            }
            store.locked(() -> {
                MachineRecord m = store.findMachine(app, machineId).orElse(null);
                if (!closed
                        && m != null
                        && m.version().equals(version)
                        && m.state().equals(MachineRecord.STARTING)
                        && !runs.containsKey(machineId)) {
                    start(app, m);
                }
                return null;
            });
        });
    }

    private void detachLater(String app, String volumeId, String machineId) {
        if (detachDelay.isZero()) {
            detach(app, volumeId, machineId);
            return;
        }
        background.execute(() -> {
            try {
                Thread.sleep(detachDelay);
            } catch (InterruptedException e) {
                return;
            }
            store.locked(() -> {
                if (!closed) {
                    detach(app, volumeId, machineId);
                }
                return null;
            });
        });
    }

    private void detach(String app, String volumeId, String machineId) {
        store.volumes(app).stream()
                .filter(v -> v.id().equals(volumeId) && machineId.equals(v.attachedMachineId()))
                .findFirst()
                .ifPresent(v -> store.putVolume(app, v.withAttachment(null)));
    }

    /** Whether the run may still act: the emulator is open and the run is its machine's current one. */
    boolean current(InstanceRun run) {
        return !closed && runs.get(run.machineId) == run;
    }

    /** Whether the run's output is still wanted: the emulator is open and the run was not killed. */
    boolean audible(InstanceRun run) {
        return !closed && run.ending != InstanceRun.Ending.KILL;
    }

    /** Applies a run's end: an exit event, then stopped or failed (and destroyed with auto_destroy). */
    Void exited(InstanceRun run, SimulatedAgent.Exit exit) {
        boolean current = runs.get(run.machineId) == run;
        if (current) {
            runs.remove(run.machineId);
        }
        MachineRecord machine = store.findMachine(run.app, run.machineId).orElse(null);
        if (closed || machine == null || run.ending == InstanceRun.Ending.KILL || machine.destroyed()) {
            return null;
        }
        boolean requested = run.ending != InstanceRun.Ending.NONE;
        if (current && run.ending == InstanceRun.Ending.SUSPEND) {
            events.add(run.machineId, "suspend", MachineRecord.SUSPENDED, "user", run.version, null);
            store.putMachine(run.app, machine.withState(MachineRecord.SUSPENDED, Instant.now()));
            return null;
        }
        String state = exit.failed() ? MachineRecord.FAILED : MachineRecord.STOPPED;
        if (!current) {
            // Replaced by an update: the old instance's exit is recorded, the machine runs on.
            if (run.started) {
                events.exit(run.machineId, run.version, MachineRecord.STOPPED, exit.code(), -1, requested, false);
            }
            return null;
        }
        events.exit(run.machineId, run.version, state, exit.code(), -1, requested, exit.crashed());
        if (!requested && !MachineConfigs.autoDestroy(machine.config()) && restartsByPolicy(machine, exit.code())) {
            policyRestarts.merge(machine.id(), 1, Integer::sum);
            MachineRecord starting = machine.withState(MachineRecord.STARTING, Instant.now());
            store.putMachine(run.app, starting);
            events.add(run.machineId, "restart", MachineRecord.STARTING, "flyd", run.version, null);
            restartLater(run.app, machine.id(), machine.version());
            return null;
        }
        if (run.ending == InstanceRun.Ending.RESTART) {
            MachineRecord starting = machine.withState(MachineRecord.STARTING, Instant.now());
            store.putMachine(run.app, starting);
            events.add(run.machineId, "start", MachineRecord.STARTING, "user", run.version, null);
            launch(run.app, starting);
            return null;
        }
        afterExit(run.app, machine.withState(state, Instant.now()));
        return null;
    }

    /**
     * Stores a machine whose instance just ended, destroying it when it has {@code auto_destroy}. A
     * {@code failed} machine is kept, so the failure stays visible (unverified: Fly documents
     * auto_destroy only for a machine that "is complete").
     */
    void afterExit(String app, MachineRecord ended) {
        store.putMachine(app, ended);
        if (MachineConfigs.autoDestroy(ended.config()) && !ended.state().equals(MachineRecord.FAILED)) {
            destroy(app, ended, "flyd");
        }
    }
}

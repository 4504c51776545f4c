package io.flaude.emulator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of one instance run's thread: wait for the run it replaces, boot ({@code starting}, then
 * {@code started}, a few milliseconds each), run the image's workload (the simulated agent, or a
 * long-lived process for any other image) on the machine's filesystem
 * (the volume at its mount, a fresh scratch root elsewhere) and hand the exit to {@link Instances}.
 * A SIGTERM or SIGKILL arrives as an interrupt.
 */
final class InstanceWorker implements Runnable {
    /** How long each boot step takes. */
    private static final Duration BOOT_STEP = Duration.ofMillis(3);
    /** The end of a run stopped (or replaced) while booting: nothing ran, nothing was printed. */
    private static final SimulatedAgent.Exit BOOT_ENDED = new SimulatedAgent.Exit(143, false, false);

    /** What the workload needs, read under the lock when the run reaches {@code started}. */
    private record Launch(
            ObjectNode config,
            MachineConfigs.Mount mount,
            Path volumeDir,
            Map<String, String> env,
            Map<String, String> secrets) {}

    private final InstanceRun run;
    private final Store store;
    private final Instances instances;
    private final VolumeFiles files;
    private final Workloads workloads;

    InstanceWorker(InstanceRun run, Store store, Instances instances, VolumeFiles files, Workloads workloads) {
        this.run = run;
        this.store = store;
        this.instances = instances;
        this.files = files;
        this.workloads = workloads;
    }

    @Override
    public void run() {
        run.attach();
        try {
            if (run.previous != null) {
                run.previous.awaitFinished();
            }
            Thread.sleep(BOOT_STEP);
            Launch launch = null;
            if (store.locked(() -> boot(false)) != null) {
                Thread.sleep(BOOT_STEP);
                launch = store.locked(() -> boot(true));
            }
            SimulatedAgent.Exit exit = launch == null ? BOOT_ENDED : runAgent(launch);
            shutDownGracefully();
            store.locked(() -> instances.exited(run, exit));
        } catch (InterruptedException e) {
            shutDownGracefully();
            store.locked(() -> instances.exited(run, BOOT_ENDED));
        } finally {
            run.finish();
        }
    }

    /**
     * After SIGTERM, an instance takes the stop delay to exit (the machine stays {@code stopping} meanwhile),
     * as a process that shuts down gracefully does; a SIGKILL or the emulator closing ends the wait.
     */
    private void shutDownGracefully() {
        Thread.interrupted(); // the SIGTERM's own interrupt
        boolean terminated =
                store.locked(() -> run.ending != InstanceRun.Ending.NONE && run.ending != InstanceRun.Ending.KILL);
        if (!terminated || instances.stopDelay().isZero()) {
            return;
        }
        try {
            Thread.sleep(instances.stopDelay());
        } catch (InterruptedException killed) {
            // SIGKILL meanwhile: the exit is applied now (and ignored, as a killed run's is).
        }
    }

    /** One boot step; null when the run is no longer wanted. The second step reaches {@code started}. */
    private Launch boot(boolean toStarted) {
        MachineRecord machine = store.findMachine(run.app, run.machineId).orElse(null);
        if (!instances.current(run)
                || machine == null
                || machine.destroyed()
                || run.ending != InstanceRun.Ending.NONE) {
            return null;
        }
        if (!toStarted) {
            if (!machine.state().equals(MachineRecord.STARTING)) {
                store.putMachine(run.app, machine.withState(MachineRecord.STARTING, Instant.now()));
            }
            return new Launch(null, null, null, Map.of(), Map.of());
        }
        store.putMachine(run.app, machine.withState(MachineRecord.STARTED, Instant.now()));
        instances.events().add(run.machineId, "start", MachineRecord.STARTED, "flyd", run.version, null);
        run.started = true;
        MachineConfigs.Mount mount = machine.mount();
        Map<String, String> secrets = new HashMap<>();
        store.secrets(run.app).all().forEach((name, s) -> secrets.put(name, s.value()));
        return new Launch(
                machine.config(),
                mount,
                mount == null ? null : files.volume(run.app, mount.volume()),
                SecretDelivery.env(machine.config(), secrets),
                secrets);
    }

    private SimulatedAgent.Exit runAgent(Launch launch) {
        Path scratch = files.scratch(run.runId);
        try {
            var fs = new GuestFs(launch.mount() == null ? null : launch.mount().path(), launch.volumeDir(), scratch);
            writeFiles(launch.config(), launch.secrets(), fs);
            String image = MachineConfigs.image(launch.config());
            if (!workloads.runsAgent(image)) {
                return Workloads.serveUntilStopped(image, this::print);
            }
            return new SimulatedAgent(launch.env(), fs, this::print).run();
        } finally {
            VolumeFiles.deleteTree(scratch);
        }
    }

    /**
     * {@code config.files}: {@code raw_value} is written decoded; a {@code secret_name} file holds the
     * app secret's value, base64-decoded as Fly does (a value that is not base64 is written as is).
     */
    private static void writeFiles(ObjectNode config, Map<String, String> secrets, GuestFs fs) {
        for (JsonNode file : config.path("files")) {
            Path path = fs.resolve(file.path("guest_path").stringValue("/"));
            byte[] content = file.has("raw_value")
                    ? Base64.getDecoder().decode(file.path("raw_value").stringValue(""))
                    : SecretDelivery.fileContent(
                            secrets.get(file.path("secret_name").stringValue("")));
            if (content == null) {
                continue;
            }
            try {
                Files.createDirectories(path.getParent());
                Files.write(path, content);
            } catch (IOException e) {
                // An unwritable file shows up as the agent failing to read it.
            }
        }
    }

    /** One line of output into the app's logs, unless the run was killed meanwhile. */
    private void print(String line) {
        LogRecord printed = store.locked(() -> instances.audible(run)
                ? store.findMachine(run.app, run.machineId)
                        .map(m -> store.logs(run.app).append(Ids.logId(), Instant.now(), line, m.id(), m.region()))
                        .orElse(null)
                : null);
        if (printed != null && instances.sink() != null) {
            instances.sink().accept(run.app, printed); // outside the store lock: NATS may be slow
        }
    }
}

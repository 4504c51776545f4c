package io.flaude.emulator.internal;

import java.nio.file.Path;
import java.util.List;

/** The emulated Machines API without its transport: routes requests to handlers over one shared state. */
public final class FlyApi {
    private final Store store = new Store();
    private final Router router = new Router();
    private final VolumeFiles files;
    private final Instances instances;
    private final LogSink sinks;

    /** @throws IllegalArgumentException when the NATS server named in the config cannot be reached */
    public FlyApi(EmulatorConfig config) {
        java.util.List<LogSink> out = new java.util.ArrayList<>();
        if (config.natsUrl() != null) {
            out.add(LogPublisher.connect(config.natsUrl()));
        }
        if (config.shipTo() != null) {
            out.add(new LogShipper(
                    config.shipTo().url(),
                    config.shipTo().token(),
                    config.shipTo().interval()));
        }
        sinks = LogSink.all(out);
        files = new VolumeFiles(config.dataDir());
        instances = new Instances(
                store, files, config.detachDelay(), config.stopDelay(), new Workloads(config.agentImages()), sinks);
        new AppRoutes(store, config, instances).registerOn(router);
        new VolumeCreation(store, config, files).registerOn(router);
        new VolumeRoutes(store).registerOn(router);
        new SnapshotRoutes(store, config, files).registerOn(router);
        new MachineCreation(store, instances).registerOn(router);
        new MachineRoutes(store, instances, config.createLag()).registerOn(router);
        new MachineActions(store, instances).registerOn(router);
        new MachineControls(store, instances).registerOn(router);
        new MachineMetadata(store).registerOn(router);
        new SecretRoutes(store).registerOn(router);
        new OrgRoutes(store, config.orgSlug()).registerOn(router);
        new MachineWaits(store, config.createLag()).registerOn(router);
        new LeaseRoutes(store).registerOn(router);
        new LogRoutes(store, config.logLag()).registerOn(router);
    }

    /** The call this method and raw path address (a 404 or 405 when none). */
    public Call route(String method, String rawPath) {
        return router.route(method, rawPath);
    }

    /** Forgets every app, volume, snapshot, machine and log line; running instances are silenced. */
    public void reset() {
        store.locked(() -> {
            instances.forgetAll();
            store.clear();
            return null;
        });
    }

    /** Stops every instance and timer, then deletes the data directory if the emulator made it. */
    public void close() {
        instances.close();
        files.close();
        if (sinks != null) {
            sinks.close();
        }
    }

    /**
     * The machine's host lost it: a running instance is killed (exit 137) and the machine destroyed, whatever
     * lease it holds.
     *
     * @throws IllegalArgumentException when the app or the machine does not exist
     */
    public void loseMachine(String app, String machineId) {
        store.locked(() -> {
            try {
                MachineRecord machine = store.machine(app, machineId);
                instances.kill(machine);
                instances.destroy(app, store.machine(app, machineId), "flyd");
            } catch (ApiError e) {
                throw new IllegalArgumentException(e.getMessage() + ": " + app + "/" + machineId, e);
            }
            return null;
        });
    }

    /** The machine's lease runs out now, as it does when its holder stops refreshing it. */
    public void lapseLease(String app, String machineId) {
        store.locked(() -> {
            try {
                store.machine(app, machineId);
            } catch (ApiError e) {
                throw new IllegalArgumentException(e.getMessage() + ": " + app + "/" + machineId, e);
            }
            store.putLease(machineId, null);
            return null;
        });
    }

    /**
     * Binds a live volume to a machine id, or unbinds it when {@code machineId} is null.
     *
     * @throws IllegalArgumentException when the app or the live volume does not exist
     */
    public void setAttachment(String app, String volumeId, String machineId) {
        store.locked(() -> {
            try {
                store.putVolume(app, store.liveVolume(app, volumeId).withAttachment(machineId));
            } catch (ApiError e) {
                throw new IllegalArgumentException(e.getMessage() + ": " + app + "/" + volumeId, e);
            }
            return null;
        });
    }

    /**
     * The real directory behind a volume (soft-deleted ones included), created when missing.
     *
     * @throws IllegalArgumentException when the app or the volume does not exist
     */
    public Path volumeDirectory(String app, String volumeId) {
        return store.locked(() -> {
            try {
                return files.volume(app, store.volume(app, volumeId).id());
            } catch (ApiError e) {
                throw new IllegalArgumentException(e.getMessage() + ": " + app + "/" + volumeId, e);
            }
        });
    }

    /**
     * The retained log lines of one machine, oldest first (empty for a machine that printed none).
     *
     * @throws IllegalArgumentException when the app does not exist
     */
    public List<String> liveResources() {
        return store.locked(store::liveResources);
    }

    public List<String> logLines(String app, String machineId) {
        return store.locked(() -> {
            if (store.findApp(app).isEmpty()) {
                throw new IllegalArgumentException("app not found: " + app);
            }
            return store.logs(app).all().stream()
                    .filter(line -> line.instance().equals(machineId))
                    .map(LogRecord::message)
                    .toList();
        });
    }
}

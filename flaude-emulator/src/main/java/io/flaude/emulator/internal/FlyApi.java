package io.flaude.emulator.internal;

/** The emulated Machines API without its transport: routes requests to handlers over one shared state. */
public final class FlyApi {
    private final Store store = new Store();
    private final Router router = new Router();

    public FlyApi(EmulatorConfig config) {
        new AppRoutes(store, config).registerOn(router);
        new VolumeCreation(store, config).registerOn(router);
        new VolumeRoutes(store).registerOn(router);
        new SnapshotRoutes(store, config).registerOn(router);
    }

    /** The call this method and raw path address (a 404 or 405 when none). */
    public Call route(String method, String rawPath) {
        return router.route(method, rawPath);
    }

    /** Forgets every app, volume and snapshot. */
    public void reset() {
        store.locked(() -> {
            store.clear();
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
}

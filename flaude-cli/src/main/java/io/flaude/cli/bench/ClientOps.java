package io.flaude.cli.bench;

import io.flaude.fly.FlyClient;
import io.flaude.fly.Volumes;

/** The cycle through the flaude client: validation, typed errors, parsing into records. */
final class ClientOps implements VolumeOps {
    private final FlyClient fly;
    private final Volumes volumes;

    ClientOps(FlyClient fly, String app) {
        this.fly = fly;
        this.volumes = fly.volumes(app);
    }

    @Override
    public String create() {
        return volumes.create().id();
    }

    @Override
    public void get(String id) {
        volumes.get(id);
    }

    @Override
    public void list() {
        volumes.list();
    }

    @Override
    public void destroy(String id) {
        volumes.destroy(id);
    }

    @Override
    public void close() {
        fly.close();
    }
}

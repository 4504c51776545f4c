package io.flaude.emulator.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/** Machine create and update: the config, the mount and its volume, and (re)launching the instance. */
final class MachineCreation {
    /** Where a machine lands when neither the request nor a mounted volume names a region. */
    static final String DEFAULT_REGION = "iad";

    private final Store store;
    private final Instances instances;

    MachineCreation(Store store, Instances instances) {
        this.store = store;
        this.instances = instances;
    }

    void registerOn(Router router) {
        router.add("POST", MachineRoutes.MACHINES, "Machines_create", this::create);
        router.add("POST", MachineRoutes.MACHINE, "Machines_update", this::update);
    }

    /**
     * 200 (not 201) with the machine in state {@code created}; unless {@code skip_launch} it then boots
     * ({@code starting}, {@code started}) and runs its workload. The region is the request's, else the
     * mounted volume's, else {@value #DEFAULT_REGION}. With {@code lease_ttl} the machine starts leased
     * and the answer carries the lease's {@code nonce}. Names are not checked for uniqueness (unverified).
     */
    private ApiResponse create(ApiRequest request) {
        RequestBody body = request.body();
        ObjectNode config = MachineConfigs.require(body.node("config"));
        String name = MachineConfigs.requireName(body.nonEmptyString("name"));
        String asked = body.nonEmptyString("region");
        if (asked != null) {
            Regions.require(asked);
        }
        boolean skipLaunch = Boolean.TRUE.equals(body.bool("skip_launch"));
        Integer leaseTtl = body.integer("lease_ttl");
        if (leaseTtl != null && leaseTtl < 1) {
            throw ApiError.invalid("lease_ttl must be a positive number of seconds");
        }
        Integer minSecrets = body.integer("min_secrets_version");
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            requireSecretsVersion(app, minSecrets);
            MachineConfigs.Mount mount = MachineConfigs.mount(config);
            VolumeRecord volume = mount == null ? null : mountable(app, mount.volume());
            String region = asked != null ? asked : volume != null ? volume.region() : DEFAULT_REGION;
            String id = Ids.machineId();
            if (volume != null) {
                requireAttachable(volume, region, id);
                store.putVolume(app, volume.withAttachment(id));
            }
            Instant now = Instant.now();
            String version = Ids.machineVersion();
            String nonce = leaseTtl == null ? null : Ids.leaseNonce();
            var machine = new MachineRecord(
                    store.nextSeq(),
                    id,
                    name != null ? name : Ids.machineName(),
                    region,
                    Ids.privateIp(),
                    now,
                    nonce,
                    MachineRecord.CREATED,
                    version,
                    List.of(version),
                    config,
                    now);
            store.putMachine(app, machine);
            instances.events().add(id, "launch", MachineRecord.CREATED, "user", version, null);
            if (nonce != null) {
                store.putLease(
                        id, new LeaseRecord(nonce, now.plusSeconds(leaseTtl), MachineViews.LEASE_OWNER, "", version));
            }
            if (!skipLaunch) {
                instances.launch(app, machine);
            }
            return ApiResponse.of(200, MachineViews.machine(machine, store.events(id), false, true));
        });
    }

    /**
     * Update is POST on the machine (fly-go {@code Update}; a PUT is 405). 200 with the machine under a
     * new version and an {@code update} event. A stale {@code current_version} is 409. The mount cannot
     * change (DOCS-M: destroy the machine and create a new one): another volume, or adding or removing
     * the mount, is 400; so is another region. A running machine is restarted on the new config (its
     * instance gets SIGTERM first), or just stopped with {@code skip_launch}. A stopped, created or
     * failed machine stays as it is (unverified); its next start runs the new config.
     */
    private ApiResponse update(ApiRequest request) {
        RequestBody body = request.body();
        ObjectNode config = MachineConfigs.require(body.node("config"));
        String currentVersion = body.nonEmptyString("current_version");
        String name = MachineConfigs.requireName(body.nonEmptyString("name"));
        String region = body.nonEmptyString("region");
        boolean skipLaunch = Boolean.TRUE.equals(body.bool("skip_launch"));
        Integer minSecrets = body.integer("min_secrets_version");
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            MachineRecord machine = store.machine(app, request.param("machine_id"));
            MachineRoutes.requireNotDestroyed(machine);
            LeaseRoutes.requireHolder(store, machine, request);
            requireSecretsVersion(app, minSecrets);
            if (currentVersion != null && !currentVersion.equals(machine.version())) {
                throw ApiError.of(
                        409,
                        "aborted: machine " + machine.id() + " is at version " + machine.version() + ", not "
                                + currentVersion);
            }
            if (region != null && !region.equals(machine.region())) {
                throw ApiError.invalid("a machine cannot move to another region (it is in " + machine.region() + ")");
            }
            MachineConfigs.Mount before = machine.mount();
            MachineConfigs.Mount after = MachineConfigs.mount(config);
            if (!Objects.equals(before == null ? null : before.volume(), after == null ? null : after.volume())) {
                throw ApiError.invalid(
                        "the mounted volume cannot be changed; destroy the machine and create a new one");
            }
            boolean running = machine.state().equals(MachineRecord.STARTED)
                    || machine.state().equals(MachineRecord.STARTING)
                    || machine.state().equals(MachineRecord.REPLACING);
            String state = !running ? machine.state() : skipLaunch ? MachineRecord.STOPPING : MachineRecord.REPLACING;
            MachineRecord updated =
                    machine.withConfig(config, name != null ? name : machine.name(), state, Instant.now());
            store.putMachine(app, updated);
            instances.events().add(machine.id(), "update", state, "user", updated.version(), null);
            if (running) {
                instances.terminate(machine.id(), skipLaunch ? InstanceRun.Ending.STOP : InstanceRun.Ending.REPLACE);
                if (!skipLaunch) {
                    instances.launch(app, updated);
                }
            }
            return ApiResponse.of(200, MachineViews.machine(updated, store.events(machine.id()), false, false));
        });
    }

    /**
     * The live volume a mount names. A missing or destroyed one is 400 {@code invalid_argument: volume
     * not found} (the contract's "stale volume ID on machine create gets 400 volume not found").
     */
    private VolumeRecord mountable(String app, String volumeId) {
        return store.volumes(app).stream()
                .filter(v -> v.id().equals(volumeId) && !v.destroyed())
                .findFirst()
                .orElseThrow(() -> ApiError.invalid("volume not found"));
    }

    /**
     * Same region as the machine (400, flyctl#2202's message), and not bound to another machine: 409,
     * as the volume is in use by someone else, a conflict (unverified; 400 is the other candidate). A
     * destroyed machine's volume stays bound for the detach delay, so a quick re-create meets this too.
     */
    private static void requireAttachable(VolumeRecord volume, String region, String machineId) {
        if (!volume.region().equals(region)) {
            throw ApiError.of(
                    400,
                    "Mounts source volume \"" + volume.id() + "\" is in the wrong region (\"" + volume.region()
                            + "\" != \"" + region + "\")");
        }
        if (volume.attachedMachineId() != null && !volume.attachedMachineId().equals(machineId)) {
            throw ApiError.of(
                    409,
                    "aborted: volume " + volume.id() + " is already attached to machine " + volume.attachedMachineId());
        }
    }

    /**
     * {@code min_secrets_version}: the machine must boot with at least this version of the app's
     * secrets; one the app has not reached is a 400 (our choice: Fly's answer is unverified).
     */
    private void requireSecretsVersion(String app, Integer minimum) {
        long current = store.secrets(app).version();
        if (minimum != null && minimum > current) {
            throw ApiError.invalid("invalid_argument: min_secrets_version " + minimum
                    + " is newer than the app's secrets (version " + current + ")");
        }
    }
}

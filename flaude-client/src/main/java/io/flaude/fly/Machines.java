package io.flaude.fly;

import io.flaude.fly.internal.Bodies;
import io.flaude.fly.internal.FlyRequest;
import io.flaude.fly.internal.FlyResponse;
import io.flaude.fly.internal.HttpTransport;
import io.flaude.fly.internal.Json;
import io.flaude.fly.internal.MachineCodec;
import io.flaude.fly.internal.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machines of one Fly app: create, get, list, update (POST, as Fly documents it), start, stop,
 * destroy, leases, events and waits. Calls that change a leased machine take the lease's nonce
 * ({@code null} when not leased). Obtain it from {@link FlyClient#machines(String)}.
 */
public final class Machines {
    private static final Logger LOG = LoggerFactory.getLogger(Machines.class);
    static final String NONCE_HEADER = "fly-machine-lease-nonce";
    /** Fly's longest single {@code /wait}; longer waits are chained. */
    static final int MAX_WAIT_SECONDS = 60;

    private final HttpTransport http;
    private final String app;
    private final String path;

    Machines(HttpTransport http, String app) {
        this.http = http;
        this.app = Validation.appName(app);
        this.path = "/apps/" + app + "/machines";
    }

    public String app() {
        return app;
    }

    /** Creates and boots a machine in {@code region} ({@code null}: Fly's choice, or the mounted volume's). */
    public Machine create(MachineConfig config, String region) {
        ObjectNode body = Json.object();
        body.set("config", MachineCodec.configJson(validate(config)));
        if (region != null) {
            body.put("region", Validation.region(region));
        }
        FlyResponse r = http.send(FlyRequest.post(path, body));
        Machine m = MachineCodec.machine(Bodies.object(r, "create-machine"), app);
        LOG.info("Machine {} created in app '{}' (region={}, state={})", m.id(), app, m.region(), m.state());
        return m;
    }

    public Machine get(String machineId) {
        return MachineCodec.machine(Bodies.object(http.send(FlyRequest.get(machinePath(machineId))), "get-machine"), app);
    }

    public Optional<Machine> find(String machineId) {
        try {
            return Optional.of(get(machineId));
        } catch (FlyNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Lists machines, all pages.
     *
     * @param includeDeleted also destroyed machines
     * @param metadata       only machines whose config metadata has these values (sent as {@code metadata.K=V})
     */
    public List<Machine> list(boolean includeDeleted, Map<String, String> metadata) {
        List<Machine> machines = new ArrayList<>();
        String cursor = null;
        do {
            FlyRequest request = FlyRequest.get(path);
            if (includeDeleted) {
                request = request.withQuery("include_deleted", "true");
            }
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                request = request.withQuery("metadata." + e.getKey(), e.getValue());
            }
            if (cursor != null) {
                request = request.withQuery("cursor", cursor);
            }
            FlyResponse r = http.send(request);
            for (JsonNode m : Bodies.array(r, "list-machines")) {
                machines.add(MachineCodec.machine(m, app));
            }
            cursor = r.header("fly-next-cursor");
        } while (cursor != null && !cursor.isEmpty());
        return machines;
    }

    /** Replaces the machine's config (a new instance id results). A running machine is restarted on it. */
    public Machine update(String machineId, MachineConfig config, String leaseNonce) {
        ObjectNode body = Json.object();
        body.set("config", MachineCodec.configJson(validate(config)));
        FlyResponse r = http.send(FlyRequest.post(machinePath(machineId), body).withHeader(NONCE_HEADER, leaseNonce));
        return MachineCodec.machine(Bodies.object(r, "update-machine"), app);
    }

    public void start(String machineId, String leaseNonce) {
        http.send(FlyRequest.post(machinePath(machineId) + "/start", null).withHeader(NONCE_HEADER, leaseNonce));
    }

    public void stop(String machineId, String leaseNonce) {
        http.send(FlyRequest.post(machinePath(machineId) + "/stop", Json.object()).withHeader(NONCE_HEADER, leaseNonce));
    }

    /**
     * Destroys the machine ({@code force} kills it if running). A 404 means already gone.
     *
     * @return true if this call destroyed it, false if it was already gone
     */
    public boolean destroy(String machineId, boolean force, String leaseNonce) {
        FlyRequest request = FlyRequest.delete(machinePath(machineId)).withHeader(NONCE_HEADER, leaseNonce);
        try {
            http.send(force ? request.withQuery("force", "true") : request);
            LOG.info("Machine {} destroyed", machineId);
            return true;
        } catch (FlyNotFoundException e) {
            LOG.debug("Machine {} already gone (404)", machineId);
            return false;
        }
    }

    /** Takes a lease for {@code ttl}; a lease held by someone else raises {@link FlyConflictException}. */
    public Lease acquireLease(String machineId, Duration ttl, String description) {
        return lease(machineId, ttl, description, null);
    }

    /** Extends a lease we hold. */
    public Lease refreshLease(String machineId, Lease lease, Duration ttl) {
        return lease(machineId, ttl, lease.description(), lease.nonce());
    }

    /** Gives a lease back; an already expired or released lease is fine. */
    public void releaseLease(String machineId, Lease lease) {
        try {
            http.send(FlyRequest.delete(machinePath(machineId) + "/lease").withHeader(NONCE_HEADER, lease.nonce()));
        } catch (FlyNotFoundException e) {
            LOG.debug("Lease on machine {} already gone", machineId);
        }
    }

    private Lease lease(String machineId, Duration ttl, String description, String nonce) {
        ObjectNode body = Json.object();
        body.put("ttl", Math.max(1, ttl.toSeconds()));
        if (description != null) {
            body.put("description", description);
        }
        FlyResponse r = http.send(FlyRequest.post(machinePath(machineId) + "/lease", body).withHeader(NONCE_HEADER, nonce));
        Lease lease = MachineCodec.lease(Bodies.object(r, "acquire-lease"));
        if (lease.nonce() == null) {
            throw Bodies.invalid(r, "acquire-lease", "no nonce in the answer");
        }
        return lease;
    }

    /** The machine's events, newest first. */
    public List<MachineEvent> events(String machineId) {
        List<MachineEvent> events = new ArrayList<>();
        for (JsonNode e : Bodies.array(http.send(FlyRequest.get(machinePath(machineId) + "/events")), "list-events")) {
            events.add(MachineCodec.event(e));
        }
        return events;
    }

    /**
     * Waits until instance {@code instanceId} of the machine is in {@code state}, chaining Fly's
     * {@code /wait} long-polls (at most 60 s each; a 408 means wait again) under one overall deadline;
     * then returns the machine as read afterwards. Raises {@link FlyTimeoutException} with the last
     * state at the deadline, and {@link FlyNotFoundException} if the machine vanished.
     */
    public Machine waitFor(String machineId, String state, String instanceId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long leftSeconds = Math.max(1, Math.min(MAX_WAIT_SECONDS,
                    (long) Math.ceil((deadline - System.nanoTime()) / 1e9)));
            FlyRequest request = FlyRequest.get(machinePath(machineId) + "/wait").withQuery("state", state)
                    .withQuery("timeout", Long.toString(leftSeconds));
            if (instanceId != null) {
                request = request.withQuery("instance_id", instanceId);
            }
            try {
                http.send(request);
                return get(machineId);
            } catch (FlyException e) {
                if (e.statusCode() != 408) {
                    throw e;
                }
                if (System.nanoTime() >= deadline) {
                    String last = get(machineId).state();
                    throw new FlyTimeoutException("machine " + machineId + " did not become " + state + " within "
                            + timeout.toSeconds() + " s (last state '" + last + "')", last);
                }
            }
        }
    }

    private String machinePath(String machineId) {
        return path + "/" + Validation.machineId(machineId);
    }

    private static MachineConfig validate(MachineConfig config) {
        if (config.image() == null || config.image().isBlank()) {
            throw new FlyValidationException("a machine needs an image");
        }
        if (config.mounts().size() > 1) {
            throw new FlyValidationException("a Fly machine mounts at most one volume; got " + config.mounts().size());
        }
        config.mounts().forEach(m -> Validation.volumeId(m.volume()));
        return config;
    }
}

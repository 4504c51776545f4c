package io.flaude.emulator.internal;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders machines, their events and leases as the spec's {@code Machine}, {@code MachineEvent} and lease bodies. */
final class MachineViews {
    /** Events shown inside a machine, newest first (the events endpoint can show up to 50). */
    static final int EVENTS_IN_MACHINE = 20;
    /** The lease owner: the emulator cannot tell whose token it was. */
    static final String LEASE_OWNER = "flaude-emulator";

    private MachineViews() {}

    /**
     * A {@code Machine}. {@code summary} leaves out config, events, checks and host status, as
     * {@code ?summary=true} does; {@code nonce} shows the create-time lease nonce (create answers only).
     */
    static ObjectNode machine(MachineRecord m, List<MachineEventRecord> events, boolean summary, boolean nonce) {
        ObjectNode node = Json.object()
                .put("id", m.id())
                .put("name", m.name())
                .put("state", m.state())
                .put("region", m.region())
                .put("instance_id", m.version())
                .put("version", m.version())
                .put("private_ip", m.privateIp());
        if (!summary) {
            node.set("config", m.config().deepCopy());
        }
        node.set("image_ref", MachineConfigs.imageRef(MachineConfigs.image(m.config())));
        node.put("created_at", Views.timestamp(m.createdAt())).put("updated_at", Views.timestamp(m.updatedAt()));
        if (!summary) {
            node.set("events", events(events, EVENTS_IN_MACHINE));
            node.putArray("checks");
            node.put("host_status", "ok");
        }
        if (nonce && m.nonce() != null) {
            node.put("nonce", m.nonce());
        }
        return node;
    }

    /** At most {@code limit} events, newest first. */
    static ArrayNode events(List<MachineEventRecord> oldestFirst, int limit) {
        ArrayNode array = Json.array();
        for (int i = oldestFirst.size() - 1; i >= 0 && array.size() < limit; i--) {
            array.add(event(oldestFirst.get(i)));
        }
        return array;
    }

    static ObjectNode event(MachineEventRecord e) {
        ObjectNode node = Json.object()
                .put("id", e.id())
                .put("type", e.type())
                .put("status", e.status())
                .put("source", e.source())
                .put("timestamp", e.timestamp());
        node.set("request", e.request() == null ? Json.object() : e.request().deepCopy());
        return node;
    }

    /**
     * A lease as the real API sends it: the envelope {@code {"status":"success","data":{...}}} (DOCS,
     * FLYGO {@code MachineLease}), though the spec shows a flat {@code Lease}.
     */
    static ObjectNode lease(LeaseRecord lease) {
        ObjectNode body = Json.object().put("status", "success");
        body.putObject("data")
                .put("nonce", lease.nonce())
                .put("expires_at", lease.expiresAt().getEpochSecond())
                .put("owner", lease.owner())
                .put("description", lease.description())
                .put("version", lease.version());
        return body;
    }

    /** The 409 for a write to a machine someone else holds the lease of. */
    static ApiError leaseHeld(MachineRecord m, LeaseRecord lease) {
        return ApiError.of(
                409,
                "aborted: machine " + m.id() + " lease currently held by " + lease.owner() + ", expires at "
                        + Views.timestamp(
                                Instant.ofEpochSecond(lease.expiresAt().getEpochSecond())));
    }
}

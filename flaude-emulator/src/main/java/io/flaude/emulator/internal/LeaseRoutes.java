package io.flaude.emulator.internal;

import java.time.Instant;

/**
 * Machine leases: acquire or refresh, show, release; and the check every write makes. A lease that has
 * expired is ignored (lazily, by its timestamp) and may be replaced by anyone.
 */
final class LeaseRoutes {
    static final String NONCE_HEADER = "fly-machine-lease-nonce";
    /** The TTL when the request names none (unverified; fly-go always sends one). */
    private static final int DEFAULT_TTL_SECONDS = 30;

    private final Store store;

    LeaseRoutes(Store store) {
        this.store = store;
    }

    void registerOn(Router router) {
        String lease = MachineRoutes.MACHINE + "/lease";
        router.add("POST", lease, "Machines_create_lease", this::acquire);
        router.add("GET", lease, "Machines_show_lease", this::show);
        router.add("DELETE", lease, "Machines_release_lease", this::release);
    }

    /**
     * While a live lease exists, a write (update, start, stop, destroy) must carry its nonce in
     * {@code fly-machine-lease-nonce}; otherwise 409 {@code aborted: ... lease currently held by ...}.
     * Without a live lease any nonce is ignored.
     */
    static void requireHolder(Store store, MachineRecord machine, ApiRequest request) {
        LeaseRecord lease = store.lease(machine.id());
        if (lease != null && lease.liveAt(Instant.now()) && !lease.nonce().equals(request.header(NONCE_HEADER))) {
            throw MachineViews.leaseHeld(machine, lease);
        }
    }

    /**
     * 201 with the lease envelope. {@code ttl} (seconds) comes from the body or, as fly-go sends it, the
     * query. With the current nonce in the header the lease is refreshed (same nonce, new expiry);
     * a live lease held under another nonce is 409.
     */
    private ApiResponse acquire(ApiRequest request) {
        RequestBody body = RequestBody.parseOptional(request.rawBody());
        Integer ttl = body.integer("ttl");
        if (ttl == null) {
            ttl = request.intQuery("ttl", 1, Integer.MAX_VALUE);
        }
        int seconds = ttl == null ? DEFAULT_TTL_SECONDS : ttl;
        if (seconds < 1) {
            throw ApiError.invalid("ttl must be a positive number of seconds");
        }
        String description = body.string("description");
        return store.locked(() -> {
            MachineRecord machine = store.machine(request.param("app_name"), request.param("machine_id"));
            MachineRoutes.requireNotDestroyed(machine);
            Instant now = Instant.now();
            LeaseRecord current = store.lease(machine.id());
            String nonce = Ids.leaseNonce();
            String text = description != null ? description : "";
            if (current != null && current.liveAt(now)) {
                if (!current.nonce().equals(request.header(NONCE_HEADER))) {
                    throw MachineViews.leaseHeld(machine, current);
                }
                nonce = current.nonce();
                text = description != null ? description : current.description();
            }
            var lease =
                    new LeaseRecord(nonce, now.plusSeconds(seconds), MachineViews.LEASE_OWNER, text, machine.version());
            store.putLease(machine.id(), lease);
            return ApiResponse.of(201, MachineViews.lease(lease));
        });
    }

    /** 200 with the live lease's envelope, or 404 {@code lease not found}. */
    private ApiResponse show(ApiRequest request) {
        return store.locked(() -> {
            MachineRecord machine = store.machine(request.param("app_name"), request.param("machine_id"));
            LeaseRecord lease = store.lease(machine.id());
            if (lease == null || !lease.liveAt(Instant.now())) {
                throw ApiError.notFound("lease");
            }
            return ApiResponse.of(200, MachineViews.lease(lease));
        });
    }

    /**
     * 200 {@code {}} with the holder's nonce; another or no nonce is 409; no live lease is 404
     * {@code lease not found} (what flyctl meets when a TTL ran out before the release).
     */
    private ApiResponse release(ApiRequest request) {
        return store.locked(() -> {
            MachineRecord machine = store.machine(request.param("app_name"), request.param("machine_id"));
            LeaseRecord lease = store.lease(machine.id());
            if (lease == null || !lease.liveAt(Instant.now())) {
                throw ApiError.notFound("lease");
            }
            if (!lease.nonce().equals(request.header(NONCE_HEADER))) {
                throw MachineViews.leaseHeld(machine, lease);
            }
            store.putLease(machine.id(), null);
            return ApiResponse.of(200, Json.object());
        });
    }
}

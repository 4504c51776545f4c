package io.flaude.emulator.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The long-poll {@code /wait} and the events list. */
final class MachineWaits {
    private static final Set<String> STATES =
            Set.of("started", "stopped", "suspended", "destroyed", "failed", "settled");
    private static final Set<String> SETTLED = Set.of("started", "stopped", "suspended", "failed", "destroyed");
    private static final int MAX_TIMEOUT_SECONDS = 60;
    private static final int DEFAULT_EVENTS = 20;
    private static final int MAX_EVENTS = 50;

    private final Store store;
    private final Duration createLag;

    MachineWaits(Store store, Duration createLag) {
        this.store = store;
        this.createLag = createLag;
    }

    void registerOn(Router router) {
        router.add("GET", MachineRoutes.MACHINE + "/wait", "Machines_wait", this::await);
        router.add("GET", MachineRoutes.MACHINE + "/events", "Machines_list_events", this::events);
    }

    /**
     * Blocks until the machine is in one of the wanted states, then 200 {@code {ok, state, event_id,
     * version}}; after {@code timeout} seconds (1-60, default 60) 408. {@code state} may be repeated
     * or comma-separated; {@code settled} means any stable state. Waiting for {@code stopped} needs
     * {@code version} (or its old name {@code instance_id}), as on Fly. See {@link WaitCondition} for
     * what pinning and {@code from_event_id} mean here.
     */
    private ApiResponse await(ApiRequest request) {
        List<String> asked = new ArrayList<>();
        request.queryValues("state").forEach(value -> {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    asked.add(s.strip());
                }
            }
        });
        if (asked.isEmpty()) {
            asked.add("started");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String state : asked) {
            if (!STATES.contains(state)) {
                throw ApiError.invalid("state must be one of started, stopped, suspended, destroyed, failed, settled");
            }
            wanted.addAll(state.equals("settled") ? SETTLED : Set.of(state));
        }
        if (request.queryNames().contains("timeout") && request.query("timeout") == null) {
            throw ApiError.invalid("timeout must be between 1 and 60 seconds"); // given, but empty
        }
        int timeout = timeout(request.query("timeout"));
        String version = request.query("version") != null ? request.query("version") : request.query("instance_id");
        if (asked.contains("stopped") && version == null) {
            throw ApiError.invalid("instance_id is required when waiting for stopped");
        }
        String fromEventId = request.query("from_event_id");
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            String id = request.param("machine_id");
            MachineRecord machine = store.visibleMachine(app, id, createLag);
            if (version != null && !machine.versions().contains(version)) {
                throw ApiError.invalid("version " + version + " is not a version of machine " + id);
            }
            Long fromSeq = fromEventId == null
                    ? null
                    : store.events(id).stream()
                            .filter(e -> e.id().equals(fromEventId))
                            .map(MachineEventRecord::seq)
                            .findFirst()
                            .orElse(null);
            var condition = new WaitCondition(wanted, version, fromSeq);
            long left = TimeUnit.SECONDS.toNanos(timeout);
            long deadline = System.nanoTime() + left;
            while (true) {
                machine = store.machine(app, id);
                var reached = condition.reached(machine, store.events(id));
                if (reached != null) {
                    return ApiResponse.of(200, reached);
                }
                left = deadline - System.nanoTime();
                if (left <= 0) {
                    return ApiResponse.error(
                            408,
                            "machine failed to reach desired state, " + String.join(",", asked) + ", currently "
                                    + machine.state());
                }
                try {
                    store.awaitChange(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ApiError.of(503, "unavailable: the emulator is shutting down");
                }
            }
        });
    }

    /** {@code MachineEvent[]}, newest first; {@code limit} defaults to 20, and more than 50 reads as 50. */
    private ApiResponse events(ApiRequest request) {
        Integer limit = request.intQuery("limit", 1, Integer.MAX_VALUE);
        int count = limit == null ? DEFAULT_EVENTS : Math.min(limit, MAX_EVENTS);
        return store.locked(() -> {
            MachineRecord machine = store.machine(request.param("app_name"), request.param("machine_id"));
            return ApiResponse.of(200, MachineViews.events(store.events(machine.id()), count));
        });
    }

    private static int timeout(String raw) {
        if (raw == null) {
            return MAX_TIMEOUT_SECONDS;
        }
        try {
            int seconds = Integer.parseInt(raw);
            if (seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.invalid("timeout must be between 1 and 60 seconds");
    }
}

package io.flaude.emulator.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;

/** The Machine operations that read or destroy: list, get and delete. */
final class MachineRoutes {
    static final String MACHINES = "/v1/apps/{app_name}/machines";
    static final String MACHINE = MACHINES + "/{machine_id}";
    private static final int MAX_LIST_LIMIT = 1000;
    private static final String METADATA = "metadata.";

    private final Store store;
    private final Instances instances;
    private final Duration createLag;

    MachineRoutes(Store store, Instances instances, Duration createLag) {
        this.store = store;
        this.instances = instances;
        this.createLag = createLag;
    }

    void registerOn(Router router) {
        router.add("GET", MACHINES, "Machines_list", this::list);
        router.add("GET", MACHINE, "Machines_show", this::get);
        router.add("DELETE", MACHINE, "Machines_delete", this::delete);
    }

    /**
     * Live machines in creation order; destroyed ones only with {@code include_deleted}. Filters:
     * {@code region}, {@code state} (comma-separated), {@code metadata.<key>=<value>} (all must match
     * {@code config.metadata}); {@code summary} leaves out config, events and checks; {@code limit}
     * turns on paging with {@code fly-next-cursor}.
     */
    private ApiResponse list(ApiRequest request) {
        boolean includeDeleted = request.flag("include_deleted");
        boolean summary = request.flag("summary");
        String region = request.query("region");
        Set<String> states = request.queryValues("state").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        var metadata = new LinkedHashMap<String, String>();
        for (String name : request.queryNames()) {
            if (name.startsWith(METADATA) && name.length() > METADATA.length()) {
                metadata.put(
                        name.substring(METADATA.length()),
                        request.queryValues(name).stream().findFirst().orElse(""));
            }
        }
        Integer limit = request.intQuery("limit", 1, MAX_LIST_LIMIT);
        String cursor = request.query("cursor");
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            var matching = store.machines(app).stream()
                    .filter(m -> includeDeleted || !m.destroyed())
                    .filter(m -> region == null || region.equals(m.region()))
                    .filter(m -> states.isEmpty() || states.contains(m.state()))
                    .filter(m -> matches(m, metadata))
                    .toList();
            var page = Paging.page(matching, MachineRecord::seq, limit, cursor);
            ArrayNode body = Json.array();
            page.items().forEach(m -> body.add(MachineViews.machine(m, store.events(m.id()), summary, false)));
            ApiResponse response = ApiResponse.of(200, body);
            return page.nextCursor() == null ? response : response.withHeader("fly-next-cursor", page.nextCursor());
        });
    }

    /** A destroyed machine is still returned, in state {@code destroyed}. */
    private ApiResponse get(ApiRequest request) {
        return store.locked(() -> {
            MachineRecord m = store.visibleMachine(request.param("app_name"), request.param("machine_id"), createLag);
            return ApiResponse.of(200, MachineViews.machine(m, store.events(m.id()), false, false));
        });
    }

    /**
     * 200 {@code {"ok":true}}. A running machine needs {@code force=true} or fly-go's {@code kill=true}
     * (it is then killed, exit 137), else 412; a stopped, created or failed one goes without. The
     * mounted volume stays bound for the detach delay. Destroying it again is 404 (unverified, like a
     * second volume delete).
     */
    private ApiResponse delete(ApiRequest request) {
        boolean force = request.flag("force") || request.flag("kill");
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            MachineRecord machine = store.machine(app, request.param("machine_id"));
            if (machine.destroyed()) {
                throw ApiError.of(404, "not_found: machine not found");
            }
            LeaseRoutes.requireHolder(store, machine, request);
            if (machine.active()) {
                if (!force) {
                    throw ApiError.of(412, "failed_precondition: unable to destroy machine, not currently stopped");
                }
                instances.kill(machine);
            }
            instances.destroy(app, machine, "user");
            return ApiResponse.of(200, Json.object().put("ok", true));
        });
    }

    /** A destroyed machine cannot be started, stopped or updated: 412 (unverified; 404 is the other candidate). */
    static void requireNotDestroyed(MachineRecord machine) {
        if (machine.destroyed()) {
            throw ApiError.of(412, "failed_precondition: machine " + machine.id() + " is destroyed");
        }
    }

    private static boolean matches(MachineRecord machine, Map<String, String> metadata) {
        return metadata.entrySet().stream()
                .allMatch(e -> e.getValue().equals(MachineConfigs.metadata(machine.config(), e.getKey())));
    }
}

package io.flaude.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rest of a machine's controls: restart, suspend, signal, cordon and uncordon, its versions and
 * processes. Each honours the machine's lease like start and stop do.
 */
final class MachineControls {
    /** SignalRequest's enum (SPEC). */
    private static final Set<String> SIGNALS = Set.of(
            "SIGABRT", "SIGALRM", "SIGFPE", "SIGHUP", "SIGILL", "SIGINT", "SIGKILL", "SIGPIPE", "SIGQUIT", "SIGSEGV",
            "SIGTERM", "SIGTRAP", "SIGUSR1", "SIGUSR2");
    /** The signals that end a process that does not handle them (the others are delivered and ignored). */
    private static final Set<String> ENDING = Set.of("SIGINT", "SIGTERM", "SIGQUIT", "SIGABRT", "SIGSEGV");

    private final Store store;
    private final Instances instances;

    MachineControls(Store store, Instances instances) {
        this.store = store;
        this.instances = instances;
    }

    void registerOn(Router router) {
        router.add("POST", MachineRoutes.MACHINE + "/restart", "Machines_restart", this::restart);
        router.add("POST", MachineRoutes.MACHINE + "/suspend", "Machines_suspend", this::suspend);
        router.add("POST", MachineRoutes.MACHINE + "/signal", "Machines_signal", this::signal);
        router.add("POST", MachineRoutes.MACHINE + "/cordon", "Machines_cordon", r -> cordon(r, true));
        router.add("POST", MachineRoutes.MACHINE + "/uncordon", "Machines_uncordon", r -> cordon(r, false));
        router.add("GET", MachineRoutes.MACHINE + "/versions", "Machines_list_versions", this::versions);
        router.add("GET", MachineRoutes.MACHINE + "/ps", "Machines_list_processes", this::processes);
    }

    /**
     * 200 {@code {"ok":true}}: a running instance gets SIGTERM (or {@code ?signal=}), then the same
     * version boots again ({@code stopping}, {@code starting}, {@code started}). A machine that is not
     * running is 412 (our choice: Fly's answer is unverified).
     */
    private ApiResponse restart(ApiRequest request) {
        String signal = request.query("signal");
        if (signal != null && !SIGNALS.contains(signal)) {
            throw ApiError.invalid("signal must be one of " + sorted(SIGNALS));
        }
        return store.locked(() -> {
            Target t = running(request, "restart");
            instances
                    .events()
                    .add(t.machine.id(), "restart", MachineRecord.STOPPING, "user", t.machine.version(), null);
            store.putMachine(t.app, t.machine.withState(MachineRecord.STOPPING, Instant.now()));
            instances.terminate(t.machine.id(), InstanceRun.Ending.RESTART);
            return ok();
        });
    }

    /** 200: a running machine turns {@code suspending}, then {@code suspended}; a start boots it again. */
    private ApiResponse suspend(ApiRequest request) {
        return store.locked(() -> {
            Target t = running(request, "suspend");
            store.putMachine(t.app, t.machine.withState(MachineRecord.SUSPENDING, Instant.now()));
            instances.terminate(t.machine.id(), InstanceRun.Ending.SUSPEND);
            return ok();
        });
    }

    /**
     * 200: {@code SIGKILL} kills the instance (exit 137); SIGINT, SIGTERM, SIGQUIT, SIGABRT and SIGSEGV
     * end it as a stop does; the others are delivered and change nothing. 412 when nothing runs.
     */
    private ApiResponse signal(ApiRequest request) {
        JsonNode body = request.body().node("signal");
        if (body == null || !body.isString() || !SIGNALS.contains(body.stringValue())) {
            throw ApiError.invalid("signal must be one of " + sorted(SIGNALS));
        }
        String signal = body.stringValue();
        return store.locked(() -> {
            Target t = running(request, "signal");
            instances.events().add(t.machine.id(), "signal", t.machine.state(), "user", t.machine.version(), null);
            if (signal.equals("SIGKILL")) {
                instances.kill(t.machine);
                instances.afterExit(t.app, t.machine.withState(MachineRecord.STOPPED, Instant.now()));
            } else if (ENDING.contains(signal)) {
                store.putMachine(t.app, t.machine.withState(MachineRecord.STOPPING, Instant.now()));
                instances.terminate(t.machine.id(), InstanceRun.Ending.STOP);
            }
            return ok();
        });
    }

    /**
     * 200: Fly's proxy stops (or resumes) sending the machine traffic; the emulator has no proxy and only records it.
     */
    private ApiResponse cordon(ApiRequest request, boolean cordoned) {
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            MachineRecord machine = store.machine(app, request.param("machine_id"));
            LeaseRoutes.requireHolder(store, machine, request);
            MachineRoutes.requireNotDestroyed(machine);
            store.cordon(machine.id(), cordoned);
            instances
                    .events()
                    .add(
                            machine.id(),
                            cordoned ? "cordon" : "uncordon",
                            machine.state(),
                            "user",
                            machine.version(),
                            null);
            return ok();
        });
    }

    /** {@code MachineVersion[]}, newest first: each version and the config it had. */
    private ApiResponse versions(ApiRequest request) {
        return store.locked(() -> {
            MachineRecord machine = store.machine(request.param("app_name"), request.param("machine_id"));
            List<Map.Entry<String, ObjectNode>> all =
                    new ArrayList<>(store.versionConfigs(machine.id()).entrySet());
            ArrayNode out = Json.array();
            for (int i = all.size() - 1; i >= 0; i--) {
                out.addObject()
                        .put("version", all.get(i).getKey())
                        .set("user_config", all.get(i).getValue().deepCopy());
            }
            return ApiResponse.of(200, out);
        });
    }

    /** {@code ProcessStat[]}: the one process of a running machine (its image's workload); 412 when nothing runs. */
    private ApiResponse processes(ApiRequest request) {
        return store.locked(() -> {
            Target t = running(request, "list the processes of");
            ArrayNode out = Json.array();
            out.addObject()
                    .put("pid", 1)
                    .put("command", MachineConfigs.image(t.machine.config()))
                    .put("directory", "/")
                    .put("cpu", 0)
                    .put("rss", 0)
                    .put("rtime", 0)
                    .put("stime", 0)
                    .putArray("listen_sockets");
            return ApiResponse.of(200, out);
        });
    }

    private record Target(String app, MachineRecord machine) {}

    private Target running(ApiRequest request, String action) {
        String app = store.app(request.param("app_name")).name();
        MachineRecord machine = store.machine(app, request.param("machine_id"));
        LeaseRoutes.requireHolder(store, machine, request);
        MachineRoutes.requireNotDestroyed(machine);
        if (!machine.state().equals(MachineRecord.STARTED)) {
            throw ApiError.of(
                    412,
                    "failed_precondition: machine " + machine.id() + " is " + machine.state() + ", cannot " + action
                            + " it");
        }
        return new Target(app, machine);
    }

    private static ApiResponse ok() {
        return ApiResponse.of(200, Json.object().put("ok", true));
    }

    private static String sorted(Set<String> names) {
        return String.join(", ", names.stream().sorted().toList());
    }
}

package io.flaude.emulator.internal;

import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Start and stop. */
final class MachineActions {
    private static final Set<String> SIGNALS =
            Set.of("SIGHUP", "SIGINT", "SIGQUIT", "SIGKILL", "SIGUSR1", "SIGUSR2", "SIGTERM");

    private final Store store;
    private final Instances instances;

    MachineActions(Store store, Instances instances) {
        this.store = store;
        this.instances = instances;
    }

    void registerOn(Router router) {
        router.add("POST", MachineRoutes.MACHINE + "/start", "Machines_start", this::start);
        router.add("POST", MachineRoutes.MACHINE + "/stop", "Machines_stop", this::stop);
    }

    /**
     * 200 {@code {"previous_state", "migrated": false, "new_host": ""}} (DOCS); the machine turns
     * {@code starting}, then {@code started}, and runs its current config again. A machine still
     * starting, started, stopping or replacing gets 412; so does a destroyed one.
     */
    private ApiResponse start(ApiRequest request) {
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            MachineRecord machine = store.machine(app, request.param("machine_id"));
            LeaseRoutes.requireHolder(store, machine, request);
            if (machine.destroyed()) {
                throw ApiError.of(
                        412, "failed_precondition: machine " + machine.id() + " is destroyed, refusing to start");
            }
            if (machine.active()) {
                throw ApiError.of(412, "failed_precondition: machine still active, refusing to start");
            }
            MachineRecord starting = machine.withState(MachineRecord.STARTING, Instant.now());
            store.putMachine(app, starting);
            instances.events().add(machine.id(), "start", MachineRecord.STARTING, "user", machine.version(), null);
            instances.launch(app, starting);
            return ApiResponse.of(
                    200,
                    Json.object()
                            .put("previous_state", machine.state())
                            .put("migrated", false)
                            .put("new_host", ""));
        });
    }

    /**
     * 200 {@code {"ok":true}}. The body is optional: none, {@code {}} or a {@code StopRequest}; a
     * non-object body is Go's decoding error (superfly/docs#2187). A running instance gets SIGTERM
     * (the machine turns {@code stopping}, then {@code stopped} with exit code 143 and
     * {@code requested_stop}), after the emulator's stop delay (none by default); {@code SIGKILL} kills it
     * at once (137, no exit marker), also while a graceful stop is under way. {@code timeout} is accepted
     * and ignored. Stopping a machine that is not
     * running changes nothing (unverified); a destroyed one is 412.
     */
    private ApiResponse stop(ApiRequest request) {
        String signal = signal(request.rawBody());
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            MachineRecord machine = store.machine(app, request.param("machine_id"));
            LeaseRoutes.requireHolder(store, machine, request);
            MachineRoutes.requireNotDestroyed(machine);
            String state = machine.state();
            boolean running = state.equals(MachineRecord.STARTED)
                    || state.equals(MachineRecord.STARTING)
                    || state.equals(MachineRecord.REPLACING);
            boolean killWhileStopping = state.equals(MachineRecord.STOPPING) && "SIGKILL".equals(signal);
            if (running || killWhileStopping) {
                instances.events().add(machine.id(), "stop", MachineRecord.STOPPING, "user", machine.version(), null);
                if ("SIGKILL".equals(signal)) {
                    instances.kill(machine);
                    instances.afterExit(app, machine.withState(MachineRecord.STOPPED, Instant.now()));
                } else {
                    store.putMachine(app, machine.withState(MachineRecord.STOPPING, Instant.now()));
                    if (!instances.terminate(machine.id(), InstanceRun.Ending.STOP)) {
                        // Between a policy restart's exit and its boot nothing runs: stopped at once.
                        store.putMachine(app, machine.withState(MachineRecord.STOPPED, Instant.now()));
                    }
                }
            }
            return ApiResponse.of(200, Json.object().put("ok", true));
        });
    }

    /** The stop signal, or null; a body that is not an object is refused the way Go's decoder words it. */
    private static String signal(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        JsonNode body = Json.tryParse(raw);
        if (body == null) {
            throw ApiError.of(400, "invalid character in request body: not JSON");
        }
        if (!body.isObject()) {
            String type = body.isArray()
                    ? "array"
                    : body.isString() ? "string" : body.isNumber() ? "number" : body.isBoolean() ? "bool" : "null";
            if (type.equals("null")) {
                return null;
            }
            throw ApiError.of(400, "json: cannot unmarshal " + type + " into Go value of type main.stopRequest");
        }
        JsonNode signal = body.get("signal");
        if (signal == null
                || signal.isNull()
                || (signal.isString() && signal.stringValue().isEmpty())) {
            return null;
        }
        if (!signal.isString() || !SIGNALS.contains(signal.stringValue())) {
            throw ApiError.invalid("signal must be one of "
                    + String.join(", ", SIGNALS.stream().sorted().toList()));
        }
        return signal.stringValue();
    }
}

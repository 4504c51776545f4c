package io.flaude.emulator.internal;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** Records machine events, the exit event with Fly's {@code request.exit_event} shape included. */
final class MachineEvents {
    private final Store store;

    MachineEvents(Store store) {
        this.store = store;
    }

    /** Adds an event to the machine's history (inside {@link Store#locked}). */
    MachineEventRecord add(
            String machineId, String type, String status, String source, String version, ObjectNode request) {
        var event = new MachineEventRecord(
                store.nextSeq(), Ids.eventId(), type, status, source, System.currentTimeMillis(), version, request);
        store.addEvent(machineId, event);
        return event;
    }

    /**
     * An {@code exit} event from {@code flyd}. {@code exit_code} and {@code guest_exit_code} are the
     * process's code (143 after a SIGTERM the image handles, 137 after a SIGKILL); {@code signal} is
     * the signal that killed it, -1 for none. A crash is reported as an OOM kill.
     */
    MachineEventRecord exit(
            String machineId,
            String version,
            String status,
            int code,
            int signal,
            boolean requestedStop,
            boolean crashed) {
        ObjectNode request = Json.object();
        request.putObject("exit_event")
                .put("exit_code", code)
                .put("guest_exit_code", code)
                .put("guest_signal", -1)
                .put("oom_killed", crashed)
                .put("requested_stop", requestedStop)
                .put("restarting", false)
                .put("signal", signal)
                .put("exited_at", Views.timestamp(Instant.now()));
        request.put("restart_count", 0);
        return add(machineId, "exit", status, "flyd", version, request);
    }
}

package io.flaude.emulator.internal;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * When a {@code /wait} is answered. The choices where Fly's contract is silent are ours:
 * <ul>
 *   <li>Without a pin, the machine's current state counts. With a pin (a version), it counts only while
 *       that version is the current one, so a wait for the new version never sees the old instance's
 *       {@code stopped}.</li>
 *   <li>{@code stopped} means "the instance is no longer running": a {@code failed} or
 *       {@code destroyed} machine satisfies it too (answered with that state), so a client waiting for
 *       a turn to end is never left hanging by how it ended.</li>
 *   <li>A pinned version the machine has since left (an update replaced it) can never run again: it
 *       satisfies {@code stopped}, answered as state {@code replaced} with the pinned version.</li>
 *   <li>With {@code from_event_id}, any later event (of the pinned version, when pinned) whose status
 *       is wanted counts too, so a state that was reached and left again is not missed. An unknown
 *       event id is ignored.</li>
 * </ul>
 *
 * @param wanted the states asked for, {@code settled} expanded
 * @param version the pinned version, or null
 * @param fromSeq the sequence number of the {@code from_event_id} event, or null
 */
record WaitCondition(Set<String> wanted, String version, Long fromSeq) {
    /** The 200 body when the machine is where the wait wants it, else null. */
    ObjectNode reached(MachineRecord machine, List<MachineEventRecord> events) {
        String latest = events.isEmpty() ? "" : events.getLast().id();
        if (machine.destroyed()) {
            if (wants(MachineRecord.DESTROYED)) {
                return answer(MachineRecord.DESTROYED, latest, machine.version());
            }
        } else if (version != null && !version.equals(machine.version())) {
            if (wanted.contains(MachineRecord.STOPPED)) {
                return answer("replaced", latest, version);
            }
        } else if (wants(machine.state())) {
            return answer(machine.state(), latest, machine.version());
        }
        if (fromSeq != null) {
            for (MachineEventRecord event : events) {
                if (event.seq() > fromSeq
                        && (version == null || version.equals(event.version()))
                        && wants(event.status())) {
                    return answer(event.status(), event.id(), event.version());
                }
            }
        }
        return null;
    }

    /** Whether reaching {@code state} answers the wait; {@code stopped} also takes failed and destroyed. */
    private boolean wants(String state) {
        return wanted.contains(state)
                || (wanted.contains(MachineRecord.STOPPED)
                        && (state.equals(MachineRecord.FAILED) || state.equals(MachineRecord.DESTROYED)));
    }

    private static ObjectNode answer(String state, String eventId, String version) {
        return Json.object()
                .put("ok", true)
                .put("state", state)
                .put("event_id", eventId)
                .put("version", version);
    }
}

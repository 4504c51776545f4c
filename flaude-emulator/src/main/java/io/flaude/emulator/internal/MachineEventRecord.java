package io.flaude.emulator.internal;

import tools.jackson.databind.node.ObjectNode;

/**
 * One stored {@code MachineEvent}.
 *
 * @param seq order among all events, used for {@code from_event_id}
 * @param type e.g. {@code launch}, {@code start}, {@code update}, {@code exit}, {@code stop}, {@code destroy}
 * @param status the state the event took the machine to, e.g. {@code started}
 * @param source {@code user} (an API call) or {@code flyd} (the platform)
 * @param timestamp epoch milliseconds
 * @param version the machine version (instance) the event belongs to
 * @param request the event's {@code request} object, or null for none
 */
record MachineEventRecord(
        long seq,
        String id,
        String type,
        String status,
        String source,
        long timestamp,
        String version,
        ObjectNode request) {}

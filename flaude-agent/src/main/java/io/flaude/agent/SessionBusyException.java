package io.flaude.agent;

import io.flaude.fly.FlyConflictException;

/**
 * A turn was asked for while another turn of the same session is running (in this process, or in
 * another one that holds the machine's Fly lease). Turns of one session run one at a time.
 */
public class SessionBusyException extends FlaudeException {
    public SessionBusyException(String sessionId, String holder) {
        this(sessionId, holder, null);
    }

    /** @param lease Fly's refusal of the lease, kept with its status and request id */
    public SessionBusyException(String sessionId, String holder, FlyConflictException lease) {
        super(
                "session " + sessionId + " is busy: another turn is running"
                        + (holder == null ? "" : " (" + holder + ")"),
                lease);
    }
}

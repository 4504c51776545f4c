package io.flaude.agent;

import io.flaude.fly.FlyConflictException;

/**
 * The session is held by live work: another turn (in this process, or in another one that holds the machine's
 * Fly lease), its creation, or its destroy. Turns of one session run one at a time; the message says what
 * holds it and, for a lease, until when it lives if its holder stops refreshing it.
 */
public class SessionBusyException extends FlaudeException {
    public SessionBusyException(String sessionId, String why) {
        this(sessionId, why, null);
    }

    /** @param lease Fly's refusal of the lease, kept with its status and request id */
    public SessionBusyException(String sessionId, String why, FlyConflictException lease) {
        super("session " + sessionId + " is busy: " + why, lease);
    }
}

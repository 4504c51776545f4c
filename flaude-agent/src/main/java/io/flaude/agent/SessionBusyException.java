package io.flaude.agent;

import io.flaude.fly.FlyClientException;

/**
 * A turn was asked for while another turn of the same session is running (in this process, or in
 * another one that holds the machine's Fly lease). Turns of one session run one at a time.
 */
public class SessionBusyException extends FlyClientException {
    public SessionBusyException(String sessionId, String holder) {
        super("session " + sessionId + " is busy: another turn is running" + (holder == null ? "" : " (" + holder + ")"));
    }
}

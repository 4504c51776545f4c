package io.flaude.agent;

import io.flaude.fly.FlyClientException;

/** The session's machine no longer exists on Fly: the session cannot take another turn; destroy it. */
public class SessionMachineGoneException extends FlyClientException {
    public SessionMachineGoneException(String sessionId, String machineId) {
        super("machine " + machineId + " of session " + sessionId + " is gone; destroy the session");
    }
}

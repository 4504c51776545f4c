package io.flaude.agent;

/** The session's machine no longer exists on Fly: the session cannot take another turn; destroy it. */
public class SessionMachineGoneException extends FlaudeException {
    public SessionMachineGoneException(String sessionId, String machineId) {
        super("machine " + machineId + " of session " + sessionId + " is gone; destroy the session", null);
    }
}

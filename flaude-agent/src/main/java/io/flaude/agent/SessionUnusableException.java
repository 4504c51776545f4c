package io.flaude.agent;

/**
 * The session cannot take a turn in the state its record is in: its creation never finished (the process
 * creating it stopped; the reaper rolls it back), or it is being destroyed. The message says which, and what
 * to do.
 */
public class SessionUnusableException extends FlaudeException {
    public SessionUnusableException(String sessionId, String why) {
        super("session " + sessionId + " cannot take a turn: " + why, null);
    }
}

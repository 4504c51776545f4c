package io.flaude.agent;

/** The session store could not be opened, read, written or closed; the message says which and why. */
public class SessionStoreException extends FlaudeException {
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

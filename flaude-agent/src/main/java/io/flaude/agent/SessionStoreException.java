package io.flaude.agent;

import io.flaude.fly.FlyClientException;

/** The session store could not be opened, read, written or closed; the message says which and why. */
public class SessionStoreException extends FlyClientException {
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

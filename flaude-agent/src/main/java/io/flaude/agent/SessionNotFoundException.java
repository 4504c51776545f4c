package io.flaude.agent;

import io.flaude.fly.FlyClientException;

/** No session with this id: not in the store and, when an app was given, not on Fly either. */
public class SessionNotFoundException extends FlyClientException {
    public SessionNotFoundException(String sessionId, String app) {
        super("no session " + sessionId + (app == null ? " in the session store"
                : " in the session store or among the machines of app " + app));
    }
}

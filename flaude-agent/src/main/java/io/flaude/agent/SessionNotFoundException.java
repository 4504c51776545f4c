package io.flaude.agent;

/** No session with this id: not in the store and, when an app was given, not on Fly either. */
public class SessionNotFoundException extends FlaudeException {
    public SessionNotFoundException(String sessionId, String app) {
        super(
                "no session " + sessionId
                        + (app == null
                                ? " in the session store (a session the store lost is found again from Fly"
                                        + " by its app: Sessions.recover, or the CLI's -a APP)"
                                : " in the session store or among the machines of app " + app),
                null);
    }
}

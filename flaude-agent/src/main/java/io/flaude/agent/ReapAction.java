package io.flaude.agent;

/**
 * One thing the reaper did, or would do in a dry run.
 *
 * @param step      what it does: destroy, or (for a session whose turn was abandoned) set it idle
 * @param id        the session, machine or volume id
 * @param sessionId the session it belongs to, when known
 * @param reason    why, e.g. {@code expired: ttl} or {@code orphan: no live session}
 * @param done      whether the step was done (false in a dry run, or when it failed)
 * @param error     why destroying failed, else {@code null}
 */
public record ReapAction(Kind kind, Step step, String id, String sessionId, String reason, boolean done, String error) {

    /** What the reaper does to it. */
    public enum Step {
        /** Destroys it (a session: machine, volume, secrets and record). */
        DESTROY,
        /** Sets a session whose turn was abandoned (its process died) idle again; the session stays. */
        SET_IDLE
    }

    /** What the reaper acts on. */
    public enum Kind {
        /** A recorded session: machine, volume and record together. */
        SESSION,
        /** A flaude machine that belongs to no live session. */
        MACHINE,
        /** A session volume that belongs to no live session. */
        VOLUME,
        /** The app secrets ({@code FLAUDE_R_<id>_*}, {@code FLAUDE_S_<id>_*}) of a run or session no machine reads. */
        SECRETS
    }
}

package io.flaude.agent;

/**
 * One thing the reaper destroyed, or would destroy in a dry run.
 *
 * @param kind      {@code session}, {@code machine} or {@code volume}
 * @param id        the session, machine or volume id
 * @param reason    why, e.g. {@code expired: ttl} or {@code orphan: no live session}
 * @param done      whether it was destroyed (false in a dry run, or when it failed)
 * @param error     why destroying failed, else {@code null}
 */
public record ReapAction(String kind, String id, String sessionId, String reason, boolean done, String error) {
}

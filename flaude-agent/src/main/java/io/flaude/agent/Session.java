package io.flaude.agent;

import java.time.Duration;
import java.time.Instant;

/**
 * A session: a volume holding Claude's transcripts and workspace, and a machine that is stopped
 * between turns. A value; the {@link SessionStore} keeps it.
 *
 * @param createdAt   when creation began
 * @param lastTurnAt  when the last turn ended ({@code null} before the first turn ends)
 * @param ttl         the session expires this long after {@code createdAt} ({@code null}: never)
 * @param idleTimeout the session expires this long after its last turn ({@code null}: never)
 * @param state       {@code creating}, {@code idle}, {@code running}, {@code failed} or {@code destroyed}
 */
public record Session(String sessionId, String app, String machineId, String volumeId, String region,
                      String mountPath, Instant createdAt, Instant lastTurnAt, Duration ttl,
                      Duration idleTimeout, String state) implements java.io.Serializable {

    public static final String CREATING = "creating";
    public static final String IDLE = "idle";
    public static final String RUNNING = "running";
    public static final String FAILED = "failed";

    /** Whether the session is past its TTL or idle timeout at {@code now}. */
    public boolean expiredAt(Instant now) {
        if (ttl != null && createdAt != null && !now.isBefore(createdAt.plus(ttl))) {
            return true;
        }
        Instant lastActive = lastTurnAt != null ? lastTurnAt : createdAt;
        return idleTimeout != null && lastActive != null && !now.isBefore(lastActive.plus(idleTimeout));
    }

    public Session withState(String newState) {
        return new Session(sessionId, app, machineId, volumeId, region, mountPath, createdAt, lastTurnAt, ttl,
                idleTimeout, newState);
    }

    public Session withMachine(String newMachineId) {
        return new Session(sessionId, app, newMachineId, volumeId, region, mountPath, createdAt, lastTurnAt, ttl,
                idleTimeout, state);
    }

    public Session afterTurn(Instant at) {
        return new Session(sessionId, app, machineId, volumeId, region, mountPath, createdAt, at, ttl, idleTimeout, IDLE);
    }
}

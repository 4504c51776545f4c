package io.flaude.agent;

import io.flaude.fly.FlyValidationException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A session: a volume holding Claude's transcripts and workspace, and a machine that is stopped
 * between turns. A value; the {@link SessionStore} keeps it. Build one with {@link #builder(String, String)}
 * and change one with {@link #toBuilder()} or the {@code with...} methods.
 *
 * @param machineId     the session's machine ({@code null} until it is created)
 * @param volumeId      the session's volume ({@code null} until it is created)
 * @param createdAt     when creation began
 * @param lastTurnAt    when the last turn ended ({@code null} before the first turn ends)
 * @param ttl           the session expires this long after {@code createdAt} ({@code null}: never)
 * @param idleTimeout   the session expires this long after its last turn ({@code null}: never)
 * @param stateAsString the state as stored; {@link #state()} reads it
 * @param heldUntil     the liveness mark: a process working on the session (creating or destroying it) keeps
 *                      this a few seconds ahead while it lives, and a reaper leaves the session alone until
 *                      then; {@code null} when no process marks it (a turn's mark is its machine's Fly lease)
 */
public record Session(
        String sessionId,
        String app,
        String machineId,
        String volumeId,
        String region,
        String mountPath,
        Instant createdAt,
        Instant lastTurnAt,
        Duration ttl,
        Duration idleTimeout,
        String stateAsString,
        Instant heldUntil)
        implements Serializable {

    public Session {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(app, "app");
        stateAsString = stateAsString == null ? SessionState.CREATING.wire() : stateAsString;
    }

    /** A session being created: state {@code creating}, created now. */
    public static Builder builder(String sessionId, String app) {
        return new Builder(sessionId, app);
    }

    public Builder toBuilder() {
        return new Builder(sessionId, app)
                .machineId(machineId)
                .volumeId(volumeId)
                .region(region)
                .mountPath(mountPath)
                .createdAt(createdAt)
                .lastTurnAt(lastTurnAt)
                .ttl(ttl)
                .idleTimeout(idleTimeout)
                .stateAsString(stateAsString)
                .heldUntil(heldUntil);
    }

    /** The state; {@link SessionState#UNKNOWN} for one this version does not know. */
    public SessionState state() {
        return SessionState.fromWire(stateAsString);
    }

    /** Whether the session is past its TTL or idle timeout at {@code now}. */
    public boolean expiredAt(Instant now) {
        if (ttl != null && createdAt != null && !now.isBefore(createdAt.plus(ttl))) {
            return true;
        }
        Instant lastActive = lastTurnAt != null ? lastTurnAt : createdAt;
        return idleTimeout != null && lastActive != null && !now.isBefore(lastActive.plus(idleTimeout));
    }

    /** Whether a live process marks the session at {@code now} (see {@link #heldUntil()}). */
    public boolean heldAt(Instant now) {
        return heldUntil != null && heldUntil.isAfter(now);
    }

    public Session withState(SessionState newState) {
        return toBuilder().state(newState).build();
    }

    public Session withMachine(String newMachineId) {
        return toBuilder().machineId(newMachineId).build();
    }

    /** The session after a turn that ended at {@code at}: idle, with that last-turn time. */
    public Session afterTurn(Instant at) {
        return toBuilder().lastTurnAt(at).state(SessionState.IDLE).build();
    }

    /** Builds a {@link Session}. */
    public static final class Builder {
        private final String sessionId;
        private final String app;
        private String machineId;
        private String volumeId;
        private String region;
        private String mountPath = AgentConfig.DEFAULT_MOUNT_PATH;
        private Instant createdAt = Instant.now();
        private Instant lastTurnAt;
        private Duration ttl;
        private Duration idleTimeout;
        private String stateAsString = SessionState.CREATING.wire();
        private Instant heldUntil;

        private Builder(String sessionId, String app) {
            this.sessionId = sessionId;
            this.app = app;
        }

        public Builder machineId(String machineId) {
            this.machineId = machineId;
            return this;
        }

        public Builder volumeId(String volumeId) {
            this.volumeId = volumeId;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder mountPath(String mountPath) {
            this.mountPath = mountPath;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder lastTurnAt(Instant lastTurnAt) {
            this.lastTurnAt = lastTurnAt;
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder state(SessionState state) {
            if (state == SessionState.UNKNOWN) {
                throw new FlyValidationException("a session state of UNKNOWN is only ever read, never written");
            }
            this.stateAsString = state.wire();
            return this;
        }

        /** The state as stored, kept as is (for stores reading back what a newer version wrote). */
        public Builder stateAsString(String stateAsString) {
            this.stateAsString = stateAsString;
            return this;
        }

        public Builder heldUntil(Instant heldUntil) {
            this.heldUntil = heldUntil;
            return this;
        }

        public Session build() {
            return new Session(
                    sessionId,
                    app,
                    machineId,
                    volumeId,
                    region,
                    mountPath,
                    createdAt,
                    lastTurnAt,
                    ttl,
                    idleTimeout,
                    stateAsString,
                    heldUntil);
        }
    }
}

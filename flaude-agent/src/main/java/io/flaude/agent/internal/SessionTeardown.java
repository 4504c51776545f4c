package io.flaude.agent.internal;

import io.flaude.agent.Session;
import io.flaude.agent.SessionState;
import io.flaude.agent.SessionStore;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.FlyNotFoundException;
import io.flaude.fly.Lease;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.Machines;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one teardown of a session, used by a create's rollback, by destroy and by the reaper: the machine,
 * then its volume once Fly lets go of it, then the session's secrets, then the record. A machine or volume
 * the record does not name (a create cut short, an answer lost) is looked for on Fly by flaude's marks.
 * What fails keeps the record as {@code destroying}, with every id known, for a later destroy or reap, unless
 * a turn holds it meanwhile (a record saved {@code running} elsewhere is never overwritten). An app that
 * no longer exists took the session's resources with it: the record goes. Runs when the thread is
 * interrupted (the interrupt is set again afterwards). Not API.
 */
public final class SessionTeardown {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTeardown.class);

    private final FlyClient fly;
    private final SessionStore store;
    private final Duration detachWait;

    public SessionTeardown(FlyClient fly, SessionStore store, Duration detachWait) {
        this.fly = fly;
        this.store = store;
        this.detachWait = detachWait;
    }

    /** Tears the session down; returns what failed, empty when the session and its record are gone. */
    public List<FlyException> run(Session session) {
        return run(session, null);
    }

    /**
     * Tears the session down, destroying its machine as the holder of {@code lease} (the caller's, or
     * {@code null}); returns what failed, empty when the session and its record are gone.
     */
    public List<FlyException> run(Session session, Lease lease) {
        boolean interrupted = Thread.interrupted();
        try {
            List<FlyException> errors = new ArrayList<>();
            String app = session.app();
            String machine = session.machineId() != null
                    ? session.machineId()
                    : findMachine(app, session.sessionId(), errors).orElse(null);
            String volume = session.volumeId() != null
                    ? session.volumeId()
                    : findVolume(app, session.sessionId(), errors).orElse(null);
            Machines machines = lease == null || !lease.machineId().equals(machine)
                    ? fly.machines(app)
                    : fly.machines(app).leased(lease);
            errors.addAll(Cleanup.destroy(machines, machine, fly.volumes(app), volume, detachWait));
            if (errors.isEmpty()) {
                errors.addAll(SecretScope.ofSession(fly.secrets(app), session.sessionId())
                        .release());
            }
            if (!errors.isEmpty() && appGone(app, errors)) {
                LOG.info(
                        "App '{}' of session {} no longer exists: nothing of the session is left on Fly",
                        app,
                        session.sessionId());
                errors.clear();
            }
            try {
                if (errors.isEmpty()) {
                    store.delete(session.sessionId());
                } else {
                    keepForLater(session, machine, volume);
                }
            } catch (FlyException storeFailed) {
                errors.add(storeFailed);
            }
            return errors;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The record, {@code destroying} and naming what is left, for a later destroy or reap to finish, unless a
     * turn holds the session meanwhile (a record saved {@code running} elsewhere is never overwritten).
     */
    private void keepForLater(Session session, String machine, String volume) {
        Session now = store.find(session.sessionId()).orElse(session);
        if (now.state() != SessionState.RUNNING) {
            store.save(now.toBuilder()
                    .machineId(machine)
                    .volumeId(volume)
                    .state(SessionState.DESTROYING)
                    .heldUntil(null)
                    .build());
        }
    }

    /** Whether every error was a 404 because the app itself is gone (asked of Fly, not read from a message). */
    private boolean appGone(String app, List<FlyException> errors) {
        if (!errors.stream().allMatch(FlyNotFoundException.class::isInstance)) {
            return false;
        }
        try {
            return fly.apps().find(app).isEmpty();
        } catch (FlyException e) {
            return false;
        }
    }

    /** The live machine whose metadata names the session, if Fly has one. */
    private Optional<String> findMachine(String app, String sessionId, List<FlyException> errors) {
        try {
            return fly.machines(app).list(MachineListOptions.withMetadata(FlyMarks.SESSION_ID, sessionId)).stream()
                    .filter(m -> !m.isGone())
                    .map(Machine::id)
                    .findFirst();
        } catch (FlyException e) {
            errors.add(e);
            return Optional.empty();
        }
    }

    /** The live volume named for the session, if Fly has one (the name is the session's own). */
    private Optional<String> findVolume(String app, String sessionId, List<FlyException> errors) {
        try {
            return fly.volumes(app).list(VolumeListOptions.LIVE).stream()
                    .filter(v -> v.name().equals(FlyMarks.volumeName(sessionId)))
                    .map(Volume::id)
                    .findFirst();
        } catch (FlyException e) {
            errors.add(e);
            return Optional.empty();
        }
    }
}

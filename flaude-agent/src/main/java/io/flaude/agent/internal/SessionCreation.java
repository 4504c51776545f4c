package io.flaude.agent.internal;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.RunFailedException;
import io.flaude.agent.RunResult;
import io.flaude.agent.Session;
import io.flaude.agent.SessionOptions;
import io.flaude.agent.SessionStore;
import io.flaude.agent.SessionStoreException;
import io.flaude.agent.TurnResult;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.HeldLease;
import io.flaude.fly.LeasedMachine;
import io.flaude.fly.LogFollow;
import io.flaude.fly.LogPosition;
import io.flaude.fly.Machine;
import io.flaude.fly.Machines;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The creation protocol of one session, the twin of {@link TurnExecution}: record ({@code creating}) →
 * volume → the session's secrets → machine (auto-destroy off, volume mounted) → the first turn → record
 * {@code idle}. The record stays {@code creating} until the first turn has ended, so nothing mistakes a
 * half-made session for one between turns. Any failure is rolled back by the one {@link SessionTeardown}.
 * Not API.
 */
public final class SessionCreation {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCreation.class);

    private final FlyClient fly;
    private final SessionStore store;
    private final SessionTeardown teardown;
    private final TurnCache cache;

    public SessionCreation(FlyClient fly, SessionStore store, SessionTeardown teardown, TurnCache cache) {
        this.fly = fly;
        this.store = store;
        this.teardown = teardown;
        this.cache = cache;
    }

    /**
     * Creates a session in {@code app} and runs its first turn; all or nothing. From its first write to its
     * last, the create marks its work as live: the record's mark ({@link LiveRecord}) and, once the machine
     * exists, the machine's Fly lease (taken at its birth and handed to the next turn).
     */
    public TurnResult run(String app, AgentConfig config, SessionOptions options, Consumer<String> onLine) {
        String id = UUID.randomUUID().toString();
        LiveRecord record = LiveRecord.insert(
                store,
                Session.builder(id, app)
                        .region(config.region())
                        .mountPath(config.mountPath())
                        .ttl(options.ttl())
                        .idleTimeout(options.idleTimeout())
                        .build());
        HeldLease lease = null;
        try {
            Volume volume = fly.volumes(app)
                    .create(VolumeSpec.builder()
                            .name(FlyMarks.volumeName(id))
                            .region(config.region())
                            .sizeGb(options.volumeSizeGb())
                            .build());
            record.update(record.current().toBuilder()
                    .volumeId(volume.id())
                    .region(volume.region())
                    .build());
            AgentConfig first = config.toBuilder()
                    .sessionId(id)
                    .volume(volume.id(), config.mountPath())
                    .region(volume.region())
                    .autoDestroy(false)
                    .build();
            SecretScope.Grant secrets =
                    SecretScope.ofSession(fly.secrets(app), id).acquire(first);
            Machines machines = fly.machines(app).requiringSecrets(secrets.version());
            LeasedMachine made = machines.createLeased(
                    AgentMachineConfig.of(first, secrets.prefix()),
                    volume.region(),
                    TurnExecution.LEASE_TTL,
                    LeaseHolders.of("create of session " + id));
            lease = made.lease();
            Machine machine = made.machine();
            record.update(record.current().withMachine(machine.id()));
            RunResult result;
            try (LogFollow follower =
                    Execution.follow(fly.logs(app), machine.id(), LogPosition.forNew(machine), onLine)) {
                result = Execution.await(machines, machine, follower, options.turnTimeout());
            }
            if (!result.succeeded()) {
                throw new RunFailedException("first turn of session " + id, result);
            }
            Session session;
            try {
                session = record.finish(record.current().afterTurn(Instant.now()));
            } catch (FlyException storeFailed) {
                throw new SessionStoreException(
                        "the first turn of session " + id + " succeeded, but the session store could not record"
                                + " the session, so it was rolled back: " + storeFailed.getMessage(),
                        storeFailed);
            }
            if (machine.config() != null) {
                cache.config(id, machine.config());
            }
            if (lease != null) {
                cache.keepLease(id, lease);
                lease = null;
            }
            LOG.info("Session {} created in app '{}' (machine {}, volume {})", id, app, machine.id(), volume.id());
            return new TurnResult(session, result, null);
        } catch (RuntimeException e) {
            record.close(); // the teardown writes the record from here on
            List<FlyException> left = teardown.run(record.current(), lease == null ? null : lease.lease());
            if (lease != null && left.isEmpty()) {
                lease.machineGone();
            } else if (lease != null) {
                lease.close();
            }
            throw Cleanup.suppress(e, left);
        }
    }
}

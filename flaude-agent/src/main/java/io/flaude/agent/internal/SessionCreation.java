package io.flaude.agent.internal;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.RunFailedException;
import io.flaude.agent.RunResult;
import io.flaude.agent.Session;
import io.flaude.agent.SessionOptions;
import io.flaude.agent.SessionStore;
import io.flaude.agent.TurnResult;
import io.flaude.fly.FlyClient;
import io.flaude.fly.LogFollow;
import io.flaude.fly.LogPosition;
import io.flaude.fly.Machine;
import io.flaude.fly.Machines;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeSpec;
import java.time.Instant;
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

    /** Creates a session in {@code app} and runs its first turn; all or nothing. */
    public TurnResult run(String app, AgentConfig config, SessionOptions options, Consumer<String> onLine) {
        String id = UUID.randomUUID().toString();
        Session session = Session.builder(id, app)
                .region(config.region())
                .mountPath(config.mountPath())
                .ttl(options.ttl())
                .idleTimeout(options.idleTimeout())
                .build();
        store.save(session);
        try {
            Volume volume = fly.volumes(app)
                    .create(VolumeSpec.builder()
                            .name(FlyMarks.volumeName(id))
                            .region(config.region())
                            .sizeGb(options.volumeSizeGb())
                            .build());
            session = session.toBuilder()
                    .volumeId(volume.id())
                    .region(volume.region())
                    .build();
            store.save(session);
            AgentConfig first = config.toBuilder()
                    .sessionId(id)
                    .volume(volume.id(), config.mountPath())
                    .region(volume.region())
                    .autoDestroy(false)
                    .build();
            SecretScope.Grant secrets =
                    SecretScope.ofSession(fly.secrets(app), id).acquire(first);
            Machines machines = fly.machines(app).requiringSecrets(secrets.version());
            Machine machine = machines.create(AgentMachineConfig.of(first, secrets.prefix()), volume.region());
            session = session.withMachine(machine.id());
            store.save(session);
            RunResult result;
            try (LogFollow follower =
                    Execution.follow(fly.logs(app), machine.id(), LogPosition.forNew(machine), onLine)) {
                result = Execution.await(machines, machine, follower, options.turnTimeout());
            }
            if (!result.succeeded()) {
                throw new RunFailedException("first turn of session " + id, result);
            }
            session = session.afterTurn(Instant.now());
            store.save(session);
            if (machine.config() != null) {
                cache.config(id, machine.config());
            }
            LOG.info("Session {} created in app '{}' (machine {}, volume {})", id, app, machine.id(), volume.id());
            return new TurnResult(session, result);
        } catch (RuntimeException e) {
            throw Cleanup.suppress(e, teardown.run(session));
        }
    }
}

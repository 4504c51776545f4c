package io.flaude.agent;

import io.flaude.agent.internal.Cleanup;
import io.flaude.agent.internal.Execution;
import io.flaude.agent.internal.LogFollower;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.Machine;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot runs: create a machine running Claude with the config, stream its log lines, wait for it
 * to stop, read the outcome, and always destroy the machine: on success, failure, timeout and
 * interruption. A failure raises {@link RunFailedException}.
 */
public final class Runner {
    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

    /** How long a run may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final FlyClient fly;

    public Runner(FlyClient fly) {
        this.fly = fly;
    }

    /** Runs with the default timeout and no live output. */
    public RunResult run(String app, AgentConfig config) {
        return run(app, config, DEFAULT_TIMEOUT, null);
    }

    /**
     * Runs the config on a new machine in {@code app} and destroys it afterwards.
     *
     * @param onLine called with each log line as it arrives (may be {@code null})
     * @throws RunFailedException when the run did not exit 0
     */
    public RunResult run(String app, AgentConfig config, Duration timeout, Consumer<String> onLine) {
        Machine machine = fly.machines(app).create(config.toMachineConfig(), config.region());
        RunResult result;
        try (LogFollower follower = Execution.follow(fly, app, machine.id(), onLine)) {
            result = Execution.await(fly, app, machine, follower, timeout);
        } catch (RuntimeException e) {
            throw Cleanup.suppress(e, Cleanup.destroy(fly.machines(app), machine.id(), null, null, Duration.ZERO));
        }
        List<FlyException> cleanup = Cleanup.destroy(fly.machines(app), machine.id(), null, null, Duration.ZERO);
        LOG.info("Run on machine {} ended: exit code {}, state {}", machine.id(), result.exitCode(), result.state());
        if (!result.succeeded()) {
            throw Cleanup.suppress(new RunFailedException("run", result), cleanup);
        }
        if (!cleanup.isEmpty()) {
            throw Cleanup.suppress(cleanup.get(0), cleanup.subList(1, cleanup.size()));
        }
        return result;
    }
}

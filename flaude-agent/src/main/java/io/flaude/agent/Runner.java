package io.flaude.agent;

import io.flaude.agent.internal.AgentMachineConfig;
import io.flaude.agent.internal.Cleanup;
import io.flaude.agent.internal.Execution;
import io.flaude.agent.internal.FlyMarks;
import io.flaude.agent.internal.LeaseHolders;
import io.flaude.agent.internal.SecretScope;
import io.flaude.agent.internal.TurnExecution;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.LeasedMachine;
import io.flaude.fly.LogFollow;
import io.flaude.fly.LogPosition;
import io.flaude.fly.Machine;
import io.flaude.fly.Machines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot runs: create a machine running Claude with the config, stream its log lines, wait for it
 * to stop, read the outcome, and always destroy the machine and then unset the run's secrets (its tokens, set as
 * Fly app secrets {@code FLAUDE_R_<id>_*} and read by the machine as files): on success, failure, timeout and
 * interruption. A failed run raises {@link RunFailedException}; a run that worked but whose machine
 * could not be destroyed is returned with {@link RunResult#cleanupFailures()}, never raised as a
 * failure (a caller's retry would run the prompt twice). Thread-safe.
 */
public final class Runner {
    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

    /**
     * How long the lease marking a live run (or a session's live work) lives between refreshes (at half of
     * it): a run whose process died is seen as dead this long after.
     */
    static final Duration LIVE_MARK_TTL = TurnExecution.LEASE_TTL;

    private final FlyClient fly;

    public Runner(FlyClient fly) {
        this.fly = fly;
    }

    /** Runs with {@link RunOptions#DEFAULTS}: 30 minutes, no live output. */
    public RunResult run(String app, AgentConfig config) {
        return run(app, config, RunOptions.DEFAULTS);
    }

    /**
     * Runs the config on a new machine in {@code app} and destroys it afterwards.
     *
     * @throws RunFailedException when the run did not exit 0
     */
    public RunResult run(String app, AgentConfig config, RunOptions options) {
        return run(app, config, options, SecretScope.perRun(fly.secrets(app)));
    }

    /** A run whose tokens live in {@code scope}: its own, or a batch's (Fly allows one secrets change a second). */
    RunResult run(String app, AgentConfig config, RunOptions options, SecretScope scope) {
        // Bad input costs no request, not even a secret (the secrets' names change nothing checked).
        fly.machines(app).check(AgentMachineConfig.of(config, FlyMarks.runSecrets()), config.region());
        Machines machines;
        LeasedMachine leased;
        try {
            SecretScope.Grant grant = scope.acquire(config);
            machines = fly.machines(app).requiringSecrets(grant.version());
            // Leased from birth and refreshed while the run lives: the mark a reaper leaves alone.
            leased = machines.createLeased(
                    AgentMachineConfig.of(config, grant.prefix()),
                    config.region(),
                    LIVE_MARK_TTL,
                    LeaseHolders.of("run"));
        } catch (RuntimeException e) {
            throw Cleanup.suppress(e, scope.runEnded());
        }
        Machine machine = leased.machine();
        Machines holder = leased.lease() == null
                ? machines
                : machines.leased(leased.lease().lease());
        RunResult result;
        try (LogFollow follower =
                Execution.follow(fly.logs(app), machine.id(), LogPosition.forNew(machine), options.onLine())) {
            options.onCreated().accept(machine);
            result = Execution.await(machines, machine, follower, options.timeout());
        } catch (RuntimeException e) {
            throw Cleanup.suppress(e, teardown(holder, leased, scope));
        }
        List<FlyException> cleanup = teardown(holder, leased, scope);
        LOG.info(
                "Run on machine {} ended: exit code {}, state {}",
                machine.id(),
                result.exitCode(),
                result.machineStateAsString());
        if (!cleanup.isEmpty()) {
            LOG.warn(
                    "The run on machine {} ended, but its cleanup failed: {}",
                    machine.id(),
                    cleanup.get(0).getMessage());
            result = result.withCleanupFailures(
                    cleanup.stream().map(Throwable::getMessage).toList());
        }
        if (!result.succeeded()) {
            throw Cleanup.suppress(new RunFailedException("run", result), cleanup);
        }
        return result;
    }

    /**
     * The machine (with the run's lease, which then goes with it), then the run's secrets (a batch's stay):
     * unset only once no machine can read them.
     */
    private static List<FlyException> teardown(Machines holder, LeasedMachine leased, SecretScope scope) {
        List<FlyException> errors =
                new ArrayList<>(Cleanup.destroy(holder, leased.machine().id(), null, null, Duration.ZERO));
        if (leased.lease() != null && errors.isEmpty()) {
            leased.lease().machineGone();
        } else if (leased.lease() != null) {
            leased.lease().close();
        }
        if (errors.isEmpty()) {
            errors.addAll(scope.runEnded());
        }
        return errors;
    }
}

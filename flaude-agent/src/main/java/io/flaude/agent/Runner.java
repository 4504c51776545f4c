package io.flaude.agent;

import io.flaude.agent.internal.AgentSecrets;
import io.flaude.agent.internal.Cleanup;
import io.flaude.agent.internal.Execution;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.LogFollow;
import io.flaude.fly.Logs;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.Machines;
import io.flaude.fly.Secrets;
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
        return run(app, config, options, null);
    }

    /**
     * {@link #run(String, AgentConfig, RunOptions)}; with {@code shared}, the run reads secrets a batch
     * set for all its runs (and unsets when it ends) instead of setting and unsetting its own: Fly allows
     * one secrets change per second per app.
     */
    RunResult run(String app, AgentConfig config, RunOptions options, BatchSecrets shared) {
        String own = AgentSecrets.forRun();
        MachineConfig ownConfig = config.toMachineConfig(own);
        fly.machines(app).check(ownConfig, config.region()); // bad input costs no request, not even a secret
        BatchSecrets.Entry batch = shared == null ? null : shared.acquire(config);
        String prefix = batch == null ? own : batch.prefix();
        MachineConfig machineConfig = batch == null ? ownConfig : config.toMachineConfig(prefix);
        Secrets secrets = batch == null ? fly.secrets(app) : null;
        Machines machines;
        Machine machine;
        try {
            long version = batch == null ? secrets.set(config.secretValues(prefix)) : batch.version();
            machines = fly.machines(app).requiringSecrets(version);
            machine = machines.create(machineConfig, config.region());
        } catch (RuntimeException e) {
            throw Cleanup.suppress(e, secrets == null ? List.of()
                    : Cleanup.unsetSecrets(secrets, prefix, config.secretValues(prefix).keySet()));
        }
        RunResult result;
        try (LogFollow follower = Execution.follow(fly.logs(app), machine.id(), Logs.tokenForNew(machine),
                options.onLine())) {
            options.onCreated().accept(machine);
            result = Execution.await(machines, machine, follower, options.timeout());
        } catch (RuntimeException e) {
            throw Cleanup.suppress(e, teardown(machines, machine.id(), secrets, prefix, config));
        }
        List<FlyException> cleanup = teardown(machines, machine.id(), secrets, prefix, config);
        LOG.info("Run on machine {} ended: exit code {}, state {}", machine.id(), result.exitCode(),
                result.machineStateAsString());
        if (!cleanup.isEmpty()) {
            LOG.warn("The run on machine {} ended, but the machine could not be destroyed: {}", machine.id(),
                    cleanup.get(0).getMessage());
            result = result.withCleanupFailures(cleanup.stream().map(Throwable::getMessage).toList());
        }
        if (!result.succeeded()) {
            throw Cleanup.suppress(new RunFailedException("run", result), cleanup);
        }
        return result;
    }

    /** The machine, then its own secrets (none when a batch shares them): unset only once no machine can read them. */
    private static List<FlyException> teardown(Machines machines, String machineId, Secrets secrets, String prefix,
                                               AgentConfig config) {
        List<FlyException> errors = new ArrayList<>(Cleanup.destroy(machines, machineId, null, null, Duration.ZERO));
        if (errors.isEmpty() && secrets != null) {
            errors.addAll(Cleanup.unsetSecrets(secrets, prefix, config.secretValues(prefix).keySet()));
        }
        return errors;
    }
}

package io.flaude.agent.internal;

import io.flaude.agent.CleanupFailedException;
import io.flaude.fly.AppSecret;
import io.flaude.fly.FlyConflictException;
import io.flaude.fly.FlyException;
import io.flaude.fly.Lease;
import io.flaude.fly.Machines;
import io.flaude.fly.Secrets;
import io.flaude.fly.Volumes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tears down what a run or session created: the machine (killed if running), then its volume once
 * Fly lets go of it. Runs even when the calling thread was interrupted (the interrupt is set again
 * afterwards) and never hides the original failure: its own errors are returned to be attached as
 * suppressed. Not API.
 */
public final class Cleanup {
    private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);

    /** The longest a teardown waits for a lease on the machine to expire. */
    static final Duration LEASE_WAIT = TurnExecution.LEASE_TTL.plusSeconds(5);

    private Cleanup() {}

    /**
     * Destroys {@code machineId} (if not null) and then {@code volumeId} (if not null), waiting up to
     * {@code detachWait} for the volume to be released. Returns the errors met, empty when all went.
     */
    public static List<FlyException> destroy(
            Machines machines, String machineId, Volumes volumes, String volumeId, Duration detachWait) {
        boolean interrupted = Thread.interrupted();
        List<FlyException> errors = new ArrayList<>();
        try {
            boolean machineGone = true;
            if (machineId != null) {
                try {
                    destroyMachine(machines, machineId);
                } catch (FlyException e) {
                    LOG.warn("Could not destroy machine {}: {}", machineId, e.getMessage());
                    errors.add(e);
                    machineGone = false;
                }
            }
            if (volumeId != null) {
                try {
                    // A machine that could not be destroyed will not let go of the volume: one try, no wait.
                    volumes.destroy(volumeId, machineGone ? detachWait : Duration.ZERO);
                } catch (FlyException e) {
                    LOG.warn("Could not destroy volume {}: {}", volumeId, e.getMessage());
                    errors.add(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return errors;
    }

    /**
     * Unsets the app secrets of a session ({@link FlyMarks#secretNames}) that are set: they are listed first, as
     * Fly is not known to accept unsetting a name it does not hold. Once the machine is gone nothing reads
     * them. Returns the error met, if any; runs even when the thread was interrupted.
     */
    public static List<FlyException> unsetSecrets(Secrets secrets, String prefix) {
        return unsetting(prefix, () -> {
            List<String> set = secrets.list().stream()
                    .map(AppSecret::name)
                    .filter(FlyMarks.secretNames(prefix)::contains)
                    .toList();
            if (!set.isEmpty()) {
                secrets.unset(set);
            }
        });
    }

    /** Unsets exactly these secrets of {@code prefix}, known to be set (a run's own, a batch's). */
    public static List<FlyException> unsetSecrets(Secrets secrets, String prefix, Collection<String> names) {
        return unsetting(prefix, () -> secrets.unset(names));
    }

    private static List<FlyException> unsetting(String prefix, Runnable unset) {
        boolean interrupted = Thread.interrupted();
        try {
            unset.run();
            return List.of();
        } catch (FlyException e) {
            LOG.warn("Could not unset the secrets {}_*: {}", prefix, e.getMessage());
            return List.of(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Destroys the machine, killing it if it runs. A lease in the way (409: someone else's live work, or one a
     * dead process left) is waited for: polled until it is released or lapses, for at most {@link #LEASE_WAIT}
     * (a turn's lease lives {@link TurnExecution#LEASE_TTL}); a lease still held then is raised.
     */
    private static void destroyMachine(Machines machines, String machineId) {
        try {
            machines.destroy(machineId, true);
        } catch (FlyConflictException held) {
            Instant deadline = Instant.now().plus(LEASE_WAIT);
            long pause = 200;
            Optional<Lease> lease = machines.findLease(machineId);
            while (lease.isPresent() && Instant.now().isBefore(deadline)) {
                LOG.info(
                        "Machine {} is leased ({}); waiting for its release",
                        machineId,
                        lease.get().description());
                if (!sleep(Duration.ofMillis(pause))) {
                    throw held;
                }
                pause = Math.min(1000, pause * 2);
                lease = machines.findLease(machineId);
            }
            if (lease.isPresent()) {
                throw held;
            }
            machines.destroy(machineId, true);
        }
    }

    /** False when interrupted (the interrupt stays set). */
    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The first cleanup error, with the others attached as suppressed. */
    public static FlyException first(List<FlyException> cleanupErrors) {
        return suppress(cleanupErrors.get(0), cleanupErrors.subList(1, cleanupErrors.size()));
    }

    /**
     * Attaches cleanup errors to the failure being raised, so none is lost, each as a
     * {@link CleanupFailedException} (read back with {@link CleanupFailedException#on(Throwable)}).
     */
    public static <T extends Throwable> T suppress(T failure, List<FlyException> cleanupErrors) {
        cleanupErrors.forEach(e -> failure.addSuppressed(new CleanupFailedException(e)));
        return failure;
    }
}

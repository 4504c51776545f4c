package io.flaude.agent.internal;

import io.flaude.fly.FlyException;
import io.flaude.fly.Machines;
import io.flaude.fly.Volumes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private Cleanup() {
    }

    /**
     * Destroys {@code machineId} (if not null) and then {@code volumeId} (if not null), waiting up to
     * {@code detachWait} for the volume to be released. Returns the errors met, empty when all went.
     */
    public static List<FlyException> destroy(Machines machines, String machineId, Volumes volumes, String volumeId,
                                             Duration detachWait) {
        boolean interrupted = Thread.interrupted();
        List<FlyException> errors = new ArrayList<>();
        try {
            if (machineId != null) {
                try {
                    machines.destroy(machineId, true);
                } catch (FlyException e) {
                    LOG.warn("Could not destroy machine {}: {}", machineId, e.getMessage());
                    errors.add(e);
                }
            }
            if (volumeId != null) {
                try {
                    volumes.destroy(volumeId, detachWait);
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

    /** The first cleanup error, with the others attached as suppressed. */
    public static FlyException first(List<FlyException> cleanupErrors) {
        return suppress(cleanupErrors.get(0), cleanupErrors.subList(1, cleanupErrors.size()));
    }

    /** Attaches cleanup errors to the failure being raised, so none is lost. */
    public static <T extends Throwable> T suppress(T failure, List<FlyException> cleanupErrors) {
        cleanupErrors.forEach(failure::addSuppressed);
        return failure;
    }
}

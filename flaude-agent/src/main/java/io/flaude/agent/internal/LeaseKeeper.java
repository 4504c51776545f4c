package io.flaude.agent.internal;

import io.flaude.fly.FlyException;
import io.flaude.fly.Lease;
import io.flaude.fly.Machines;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a machine's Fly lease for the length of a turn: refreshes it at half its TTL on a virtual
 * thread, and releases it on close (also after an interrupt). Not API.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Machines machines;
    private final String machineId;
    private final Duration ttl;
    private final Thread refresher;
    private volatile Lease lease;
    private volatile boolean handedOver;

    public LeaseKeeper(Machines machines, Lease lease, Duration ttl) {
        this.machines = machines;
        this.machineId = lease.machineId();
        this.lease = lease;
        this.ttl = ttl;
        this.refresher = Thread.ofVirtual().name("flaude-lease-" + machineId).start(this::refreshLoop);
    }

    /** The lease as last refreshed. */
    public Lease lease() {
        return lease;
    }

    private void refreshLoop() {
        // A lease taken over from the last turn may have less than a TTL left: refresh it in time.
        Instant expires = lease.expiresAt();
        Duration first = expires == null
                ? ttl.dividedBy(2)
                : min(ttl.dividedBy(2), Duration.between(Instant.now(), expires).dividedBy(2));
        boolean firstRound = true;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(firstRound ? (first.isNegative() ? Duration.ZERO : first) : ttl.dividedBy(2));
                firstRound = false;
                lease = machines.refreshLease(lease, ttl);
            } catch (InterruptedException e) {
                return;
            } catch (FlyException e) {
                LOG.warn("Could not refresh the lease on machine {}: {}", machineId, e.getMessage());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops refreshing and hands the lease over unreleased (to be kept for the next turn); close then does nothing. */
    public Lease handOver() {
        handedOver = true;
        refresher.interrupt();
        return lease;
    }

    @Override
    public void close() {
        if (handedOver) {
            return;
        }
        refresher.interrupt();
        boolean interrupted = Thread.interrupted();
        try {
            refresher.join(Duration.ofSeconds(5));
            machines.releaseLease(lease);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (FlyException e) {
            LOG.warn("Could not release the lease on machine {} (it expires by itself): {}", machineId, e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

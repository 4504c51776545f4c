package io.flaude.fly;

import io.flaude.fly.internal.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease this client holds and keeps alive: refreshed in the background at half its TTL (sooner when
 * it has less left), on the client's clock, until it is released, handed over or left to linger. From
 * {@link Machines#hold(Lease, Duration)}. Thread-safe.
 *
 * <p>{@link #close()} releases it; {@link #linger(Duration)} stops refreshing and releases it once the
 * linger is over unless {@link #reclaim()} takes it back first (a next turn right after the last one
 * needs no new lease).
 */
public final class HeldLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeldLease.class);

    private enum Phase {
        REFRESHING,
        LINGERING,
        DONE
    }

    private final Machines machines;
    private final Clock clock;
    private final Duration ttl;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Lease lease;
    private Phase phase = Phase.REFRESHING;
    private long lingerUntil;
    private long refreshAt;

    HeldLease(Machines machines, Clock clock, Lease lease, Duration ttl) {
        this.machines = machines;
        this.clock = clock;
        this.lease = lease;
        this.ttl = ttl;
        this.refreshAt = refreshAt();
        Thread.ofVirtual().name("flaude-lease-" + lease.machineId()).start(this::keep);
    }

    /** The lease as last refreshed. */
    public Lease lease() {
        lock.lock();
        try {
            return lease;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops refreshing; the lease is released once {@code linger} has passed on the client's clock, unless
     * {@link #reclaim()} takes it back first.
     */
    public void linger(Duration linger) {
        lock.lock();
        try {
            if (phase == Phase.REFRESHING) {
                phase = Phase.LINGERING;
                lingerUntil = clock.nanoTime() + linger.toNanos();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a lingering lease back, refreshing it again, if it was not released yet and lives at least
     * {@code margin} longer; empty (and the lease released) otherwise.
     */
    public Optional<HeldLease> reclaim(Duration margin) {
        lock.lock();
        try {
            if (phase != Phase.LINGERING) {
                return Optional.empty();
            }
            Instant expires = lease.expiresAt();
            if (expires == null || expires.isAfter(clock.now().plus(margin))) {
                phase = Phase.REFRESHING;
                refreshAt = refreshAt();
                changed.signalAll();
                return Optional.of(this);
            }
        } finally {
            lock.unlock();
        }
        close();
        return Optional.empty();
    }

    /**
     * The machine was destroyed, and its lease with it: stops refreshing and sends nothing (a release would only
     * be answered 404, one round trip late).
     */
    public void machineGone() {
        lock.lock();
        try {
            phase = Phase.DONE;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops refreshing and releases the lease now (also when the thread was interrupted; the flag stays). */
    @Override
    public void close() {
        Lease toRelease;
        lock.lock();
        try {
            if (phase == Phase.DONE) {
                return;
            }
            phase = Phase.DONE;
            toRelease = lease;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = Thread.interrupted();
        try {
            machines.releaseLease(toRelease);
        } catch (FlyException e) {
            LOG.warn(
                    "Could not release the lease on machine {} (it expires by itself): {}",
                    toRelease.machineId(),
                    e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The keeper: refreshes while refreshing, releases when a linger runs out, ends when done. */
    private void keep() {
        try {
            while (true) {
                Lease toRefresh;
                lock.lock();
                try {
                    long due = nextDue();
                    while (phase != Phase.DONE && clock.nanoTime() < due) {
                        clock.awaitNanos(changed, due - clock.nanoTime());
                        due = nextDue();
                    }
                    if (phase == Phase.DONE) {
                        return;
                    }
                    if (phase == Phase.LINGERING) {
                        break; // the linger ran out: release below
                    }
                    toRefresh = lease;
                } finally {
                    lock.unlock();
                }
                try {
                    Lease refreshed = machines.refreshLease(toRefresh, ttl);
                    lock.lock();
                    try {
                        lease = refreshed;
                        refreshAt = refreshAt();
                    } finally {
                        lock.unlock();
                    }
                } catch (FlyNotFoundException gone) {
                    // The machine is gone (destroyed, or a run's machine that destroyed itself): so is its lease.
                    LOG.debug("Machine {} is gone; its lease with it", toRefresh.machineId());
                    machineGone();
                    return;
                } catch (FlyException e) {
                    LOG.warn("Could not refresh the lease on machine {}: {}", toRefresh.machineId(), e.getMessage());
                    lock.lock();
                    try {
                        refreshAt = clock.nanoTime() + ttl.dividedBy(4).toNanos(); // try again before it lapses
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            return;
        }
        close();
    }

    /** Under the lock: when the keeper acts next (a refresh, or the end of a linger). */
    private long nextDue() {
        return phase == Phase.LINGERING ? lingerUntil : refreshAt;
    }

    /** When to refresh next: in half the TTL, or half of what is left when less is (a lease taken over). */
    private long refreshAt() {
        Duration wait = ttl.dividedBy(2);
        if (lease.expiresAt() != null) {
            Duration left = Duration.between(clock.now(), lease.expiresAt()).dividedBy(2);
            wait = left.compareTo(wait) < 0 ? left : wait;
        }
        return clock.nanoTime() + Math.max(0, wait.toNanos());
    }
}

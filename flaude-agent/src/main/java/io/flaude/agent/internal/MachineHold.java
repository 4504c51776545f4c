package io.flaude.agent.internal;

import io.flaude.agent.SessionBusyException;
import io.flaude.fly.FlyConflictException;
import io.flaude.fly.FlyNotFoundException;
import io.flaude.fly.HeldLease;
import io.flaude.fly.Lease;
import io.flaude.fly.Machines;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes a session machine's lease for work that must not interleave with a turn (a destroy), waiting for a
 * turn that holds it to end: the lease is polled, and taken as soon as it is released or lapses. A turn that
 * is still running after {@link #WAIT} (its process keeps refreshing the lease) is refused with who holds it,
 * never a raw 409; a lease left by a dead process lapses within {@link TurnExecution#LEASE_TTL}, inside the wait.
 * Not API.
 */
public final class MachineHold {
    /** How long a destroy waits for a turn's lease: longer than a dead holder's lease can live. */
    static final Duration WAIT = TurnExecution.LEASE_TTL.plusSeconds(5);

    private MachineHold() {}

    /**
     * The machine's lease, held; empty when the machine is gone (nothing to hold).
     *
     * @throws SessionBusyException when a live turn holds it past {@link #WAIT}
     */
    public static Optional<HeldLease> take(Machines machines, String sessionId, String machineId, String what) {
        return take(machines, sessionId, machineId, what, WAIT);
    }

    /** {@link #take(Machines, String, String, String)}, waiting at most {@code wait} for a turn to end. */
    public static Optional<HeldLease> take(
            Machines machines, String sessionId, String machineId, String what, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        long pause = 200;
        while (true) {
            try {
                Lease lease = machines.acquireLease(machineId, TurnExecution.LEASE_TTL, LeaseHolders.of(what));
                return Optional.of(machines.hold(lease, TurnExecution.LEASE_TTL));
            } catch (FlyNotFoundException gone) {
                return Optional.empty();
            } catch (FlyConflictException held) {
                if (machines.find(machineId).filter(m -> !m.isGone()).isEmpty()) {
                    return Optional.empty(); // a destroyed machine refuses a lease: nothing left to hold
                }
                Optional<Lease> holder = machines.findLease(machineId);
                if (Instant.now().isAfter(deadline)) {
                    throw new SessionBusyException(
                            sessionId,
                            holder.map(l -> "a turn is running (" + LeaseHolders.heldBy(l) + "); " + what
                                            + " when the turn ends")
                                    .orElse("its machine refused a lease for " + wait.toSeconds() + " s"),
                            held);
                }
                Pause.of(Duration.ofMillis(pause), "taking the machine's lease again");
                pause = Math.min(1000, pause * 2);
            }
        }
    }
}

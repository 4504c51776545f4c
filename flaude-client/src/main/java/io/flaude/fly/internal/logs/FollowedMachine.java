package io.flaude.fly.internal.logs;

import io.flaude.fly.FlyException;
import io.flaude.fly.LogLine;
import io.flaude.fly.internal.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine a {@link LogHub} follows: its lines, without duplicates, however many sources delivered
 * them (keyed by time and text), and how far they are complete. Guarded by the hub's lock; the callback
 * runs outside it, on this follower's own thread, in the order the lines came, so a slow callback delays
 * only its own lines.
 */
public final class FollowedMachine {
    /** Lines kept (the newest), and as many keys to tell a line already seen: a long follow stays bounded. */
    static final int MAX_KEPT = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(FollowedMachine.class);

    private final LogHub hub;
    private final ReentrantLock lock;
    private final Condition arrived;
    final String machineId;
    private final long after;
    private final Consumer<LogLine> onLine;
    /** Lines for the callback, in order; {@link #DONE} ends the delivering thread. */
    private final LinkedBlockingQueue<LogLine> toDeliver = new LinkedBlockingQueue<>();

    private static final LogLine DONE = new LogLine(null, "", null, null, null);
    private final Thread delivering;
    private final Set<String> seen = new LinkedHashSet<>();
    private final ArrayDeque<LogLine> lines = new ArrayDeque<>();
    /** Every line of this machine up to this token has been offered (-1: none yet). */
    long covered;

    Predicate<LogLine> end;
    private boolean ended;
    private boolean stopped;

    FollowedMachine(LogHub hub, String machineId, long after, Consumer<LogLine> onLine) {
        this.hub = hub;
        this.lock = hub.lock();
        this.arrived = lock.newCondition();
        this.machineId = machineId;
        this.after = after;
        this.onLine = onLine;
        this.delivering = Thread.ofVirtual().name("flaude-logs-" + machineId).start(this::deliver);
    }

    /** The delivering thread: each line to the callback, outside every lock, until {@link #DONE}. */
    private void deliver() {
        while (true) {
            LogLine line;
            try {
                line = toDeliver.take();
            } catch (InterruptedException e) {
                return;
            }
            if (line == DONE) {
                return;
            }
            try {
                onLine.accept(line);
            } catch (RuntimeException e) {
                LOG.warn("A log line callback failed: {}", e.toString());
            }
        }
    }

    /** Under the hub lock. */
    void offer(LogLine line) {
        if (stopped
                || !machineId.equals(line.instance())
                || (after >= 0 && line.timestamp() != null && LogHub.nanos(line.timestamp()) <= after)) {
            return;
        }
        if (!seen.add(line.timestamp() + "\u0000" + line.message())) {
            return;
        }
        if (seen.size() > MAX_KEPT) {
            seen.remove(seen.iterator().next());
        }
        lines.addLast(line);
        if (lines.size() > MAX_KEPT) {
            lines.removeFirst();
        }
        toDeliver.add(line);
        if (end != null && end.test(line)) {
            ended = true;
            arrived.signalAll();
        }
    }

    /** The grace the client was given for a follower's end line. */
    public Duration grace() {
        return hub.timings().grace();
    }

    /** Every line so far, oldest first. */
    public List<LogLine> lines() {
        lock.lock();
        try {
            return sorted();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads this machine's lines once more from the API (a backfill, so nothing a push source missed
     * is lost), then, unless a line matching {@code endLine} is in, has the reader poll quickly until
     * one arrives or {@code grace} (of the hub's clock) has passed; stops following, waits until the
     * callback has had every line, and returns every line, oldest first.
     */
    public List<LogLine> finish(Predicate<LogLine> endLine, Duration grace) throws InterruptedException {
        Clock clock = hub.clock();
        long deadline = clock.nanoTime() + grace.toNanos();
        try {
            hub.backfill(this, endLine);
        } catch (FlyException e) {
            LOG.debug("Reading the logs of machine {} failed: {}", machineId, e.getMessage());
        }
        lock.lock();
        try {
            ended = lines.stream().anyMatch(endLine);
            end = endLine;
            hub.endAwaited();
            while (!ended && !hub.closed()) {
                long left = deadline - clock.nanoTime();
                if (left <= 0) {
                    break;
                }
                clock.awaitNanos(arrived, left);
            }
            return sorted();
        } finally {
            end = null;
            stopLocked();
            lock.unlock();
            delivering.join(); // every line reached the callback before the caller reads the result
        }
    }

    /** Stops following: no more lines, no more requests for it. */
    public void stop() {
        lock.lock();
        try {
            stopLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Under the hub lock: the client is closing; lines not yet delivered are dropped. */
    void closeLocked() {
        toDeliver.clear();
        stopLocked();
    }

    private void stopLocked() {
        if (!stopped) {
            toDeliver.add(DONE);
        }
        stopped = true;
        hub.remove(this);
        arrived.signalAll();
    }

    private List<LogLine> sorted() {
        List<LogLine> copy = new ArrayList<>(lines);
        copy.sort(Comparator.comparing(LogLine::timestamp, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(copy);
    }
}

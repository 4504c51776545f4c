package io.flaude.fly.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock a test drives: its time moves only when the test {@link #advance}s it, and {@code advance}
 * returns once every thread whose wait came due has woken and is waiting again (or has ended), so what
 * the test asserts next is what the code did in that time. The clock's threads check their deadlines
 * every millisecond of real time; no test waits out an interval.
 */
public final class TestClock implements Clock {
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Instant epoch = Instant.parse("2026-12-04T00:00:00Z");
    /** Threads waiting on this clock, and when their wait is due. */
    private final Map<Thread, Long> waiting = new ConcurrentHashMap<>();
    /** Threads that woke from a wait on this clock and have not waited again yet. */
    private final Set<Thread> woken = ConcurrentHashMap.newKeySet();

    private final ReentrantLock sleepLock = new ReentrantLock();
    private final Condition never = sleepLock.newCondition();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant now() {
        return epoch.plusNanos(nanos.get());
    }

    @Override
    public long awaitNanos(Condition condition, long timeout) throws InterruptedException {
        long deadline = nanos.get() + timeout;
        Thread me = Thread.currentThread();
        waiting.put(me, deadline); // before it leaves the woken: settle() never sees it in neither set
        woken.remove(me);
        try {
            while (nanos.get() < deadline) {
                if (condition.await(1, TimeUnit.MILLISECONDS)) {
                    return Math.max(1, deadline - nanos.get()); // signalled
                }
            }
            return deadline - nanos.get();
        } finally {
            woken.add(me); // before it leaves the waiters: settle() never sees it in neither set while it works
            waiting.remove(me);
        }
    }

    @Override
    public void sleepMillis(long millis) throws InterruptedException {
        sleepLock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (left > 0) {
                left = awaitNanos(never, left);
            }
        } finally {
            sleepLock.unlock();
        }
    }

    /** Moves time on by {@code d}, then waits until every thread that came due is waiting again or ended. */
    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
        settle();
    }

    /** Waits until at least {@code threads} threads wait on this clock (a reader that was just started, say). */
    public void awaitWaiting(int threads) {
        long limit = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (waiting.size() < threads) {
            if (System.nanoTime() > limit) {
                throw new AssertionError("fewer than " + threads + " threads wait on the clock: " + waiting);
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /**
     * Waits until a thread waits on this clock for at most {@code within} more (one that was signalled to
     * wait less, say, has taken the signal in).
     */
    public void awaitWaitingWithin(Duration within) {
        long limit = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (waiting.values().stream().noneMatch(due -> due <= nanos.get() + within.toNanos())) {
            if (System.nanoTime() > limit) {
                throw new AssertionError("no thread waits for at most " + within + ": " + waiting);
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /** Waits until no thread that woke from this clock is still at work (bounded: a stuck thread fails the test). */
    public void settle() {
        long limit = System.nanoTime() + SETTLE_LIMIT.toNanos();
        Thread me = Thread.currentThread();
        while (busy(me)) {
            if (System.nanoTime() > limit) {
                throw new AssertionError(
                        "threads still at work after " + SETTLE_LIMIT + ": " + woken + " due: " + waiting);
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Whether a thread is due or at work. The waiters are read before the woken: a thread joins the one set
     * before it leaves the other, so in this order no thread moving between them is missed.
     */
    private boolean busy(Thread me) {
        long now = nanos.get();
        boolean due = waiting.values().stream().anyMatch(deadline -> deadline <= now);
        woken.removeIf(t -> !t.isAlive() || t == me);
        return due || !woken.isEmpty();
    }
}

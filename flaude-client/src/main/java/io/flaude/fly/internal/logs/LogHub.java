package io.flaude.fly.internal.logs;

import io.flaude.fly.FlyException;
import io.flaude.fly.FlyRateLimitedException;
import io.flaude.fly.LogLine;
import io.flaude.fly.LogPage;
import io.flaude.fly.LogPosition;
import io.flaude.fly.internal.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reader of one app's logs for every machine of it being followed: it polls Fly's logs API for the
 * whole app (one request serves every follower; lines are routed by instance), and takes lines pushed
 * live (NATS, a log drain). Its interval adapts ({@link LogTimings}): quick while a follower awaits its
 * end line, live after lines came, doubling to quiet on empty pages, no polling at all while a push source
 * delivers (except for followers awaiting their end), backing off on errors and 429, and no thread once
 * nobody follows. Its time is its {@link Clock}'s.
 *
 * <p>Each follower knows up to which log token its lines are all in ({@code covered}); a follower that
 * joins behind the reader's position gets a backfill of its own machine's lines, so no line is lost
 * whoever joined first. One lock guards the hub and its followers; the followers' callbacks run outside
 * it, each follower's on its own thread, so a slow one stalls nobody else.
 */
public final class LogHub {
    /** Pages one poll may read before it lets the others have a turn. */
    static final int MAX_PAGES = 20;
    /**
     * A page with at least this many lines may have more behind it, so the next is read at once; a
     * smaller one waits for the next interval (Fly's page size is not documented: 73 lines came in one
     * page, the emulator serves 50), which saves the empty read that would confirm it.
     */
    static final int FULL_PAGE = 50;
    /** Recent lines kept for followers that join late (pushed lines for machines nobody follows yet too). */
    static final int RECENT_MAX = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(LogHub.class);

    /** How the hub reads Fly's logs API. */
    public interface Reader {
        /** One page of every machine's lines after {@code after}. */
        LogPage appPage(LogPosition after);

        /** One page of one machine's lines after {@code after}. */
        LogPage page(String machineId, LogPosition after);
    }

    private final String app;
    private final Reader reader;
    private final Clock clock;
    private final LogTimings timings;
    private final BooleanSupplier pushConnected;
    private final Runnable onBusy;
    private final Runnable onIdle;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<FollowedMachine> followers = new ArrayList<>();
    private final ArrayDeque<LogLine> recent = new ArrayDeque<>();
    /** Every REST line after this token is in {@link #recent} (-1: no such claim). */
    private long recentSince = -1;
    /** Where the app-wide poll continues (-1: not reading). */
    private long cursor = -1;
    /** When a push source last delivered a line of this app; "long ago" until one does. */
    private long lastPush;

    private long lastPoll;
    private Thread thread;
    private boolean closed;

    /**
     * @param pushConnected whether a push source is connected for this app now
     * @param onBusy        called (under no lock) when the first follower comes, e.g. to subscribe to NATS
     * @param onIdle        called, under the hub's lock, when the reader stops because nobody follows
     */
    public LogHub(
            String app,
            Reader reader,
            Clock clock,
            LogTimings timings,
            BooleanSupplier pushConnected,
            Runnable onBusy,
            Runnable onIdle) {
        this.app = app;
        this.reader = reader;
        this.clock = clock;
        this.timings = timings;
        this.lastPush = clock.nanoTime() - timings.pushFresh().toNanos() - 1;
        this.lastPoll = clock.nanoTime();
        this.pushConnected = pushConnected;
        this.onBusy = onBusy;
        this.onIdle = onIdle;
    }

    /**
     * Follows one machine's lines printed after {@code afterNanos} (-1: from its first line). Lines
     * already seen by this hub are replayed to {@code onLine} first.
     */
    public FollowedMachine follow(String machineId, long afterNanos, Consumer<LogLine> onLine) {
        boolean first;
        FollowedMachine f = new FollowedMachine(this, machineId, afterNanos, onLine);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the client is closed");
            }
            first = thread == null;
            if (cursor < 0) {
                cursor = afterNanos >= 0 ? afterNanos : nanos(clock.now().minusSeconds(2));
                recentSince = cursor;
            }
            recent.forEach(f::offer);
            f.covered = recentSince >= 0 && afterNanos >= recentSince ? Math.max(afterNanos, cursor) : afterNanos;
            followers.add(f);
            if (first) {
                thread = Thread.ofVirtual().name("flaude-logs-" + app).start(this::run);
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (first) {
            onBusy.run();
        }
        return f;
    }

    /** A line pushed live (NATS, a drain): routed now, and kept for a follower that joins later. */
    public void offer(LogLine line) {
        lock.lock();
        try {
            lastPush = clock.nanoTime();
            keep(line);
            for (FollowedMachine f : followers) {
                f.offer(line);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the reader; followers see no more lines. */
    public void close() {
        Thread t;
        lock.lock();
        try {
            closed = true;
            t = thread;
            new ArrayList<>(followers).forEach(FollowedMachine::closeLocked);
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        Duration interval = timings.live();
        Duration errorDelay = Duration.ZERO;
        try {
            boolean fresh = true;
            while (true) {
                if (fresh) {
                    // A follow begins before its machine prints: the first read waits an interval (a turn that
                    // ends sooner costs only its final read), unless a follower is behind or awaits its end.
                    pause(timings.live(), true);
                    fresh = false;
                }
                List<FollowedMachine> behind;
                boolean urgent;
                boolean poll;
                lock.lock();
                try {
                    if (closed) {
                        return;
                    }
                    if (followers.isEmpty()) {
                        if (!awaitFollowedMachines()) {
                            return;
                        }
                        fresh = true;
                        continue;
                    }
                    behind = followers.stream().filter(f -> f.covered < cursor).toList();
                    urgent = followers.stream().anyMatch(f -> f.end != null);
                    long now = clock.nanoTime();
                    boolean pushed = pushConnected.getAsBoolean()
                            && now - lastPush < timings.pushFresh().toNanos();
                    poll = urgent
                            || !pushed
                            || now - lastPoll >= timings.pushPoll().toNanos();
                } finally {
                    lock.unlock();
                }
                try {
                    backfillAll(behind);
                    if (poll) {
                        lastPoll = clock.nanoTime();
                        int lines = pollApp();
                        interval = urgent
                                ? timings.quick()
                                : lines > 0 ? timings.live() : min(interval.multipliedBy(2), timings.quiet());
                    } else {
                        interval = timings.live();
                    }
                    errorDelay = Duration.ZERO;
                } catch (FlyRateLimitedException e) {
                    errorDelay = e.retryAfter().orElse(backoff(errorDelay));
                    LOG.debug("The logs API of app {} is rate limited; next read in {}", app, errorDelay);
                } catch (FlyException e) {
                    errorDelay = backoff(errorDelay);
                    LOG.debug(
                            "Reading the logs of app {} failed ({}); next read in {}", app, e.getMessage(), errorDelay);
                }
                pause(errorDelay.compareTo(interval) > 0 ? errorDelay : interval, errorDelay.isZero());
            }
        } catch (InterruptedException e) {
            // closed
        } finally {
            lock.lock();
            try {
                if (thread == Thread.currentThread()) {
                    thread = null;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Under the lock: waits for a follower; false (the reader ends) after the linger without one. */
    private boolean awaitFollowedMachines() throws InterruptedException {
        long deadline = clock.nanoTime() + timings.linger().toNanos();
        while (followers.isEmpty() && !closed) {
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                thread = null;
                cursor = -1;
                recentSince = -1;
                onIdle.run(); // under the lock, so a follower that comes now subscribes after this unsubscribed
                return false;
            }
            clock.awaitNanos(wake, left);
        }
        return !closed;
    }

    /** Sleeps {@code delay}; an urgent follower or a new one cuts it short (not while backing off). */
    private void pause(Duration delay, boolean interruptible) throws InterruptedException {
        long deadline = clock.nanoTime() + delay.toNanos();
        long earliest = clock.nanoTime() + timings.quick().toNanos();
        lock.lock();
        try {
            while (!closed) {
                long now = clock.nanoTime();
                if (now >= deadline) {
                    return;
                }
                boolean wanted = interruptible
                        && now >= earliest
                        && followers.stream().anyMatch(f -> f.end != null || f.covered < cursor);
                if (wanted) {
                    return;
                }
                // Until the earliest moment a wake-up may count, then until the deadline or a signal.
                clock.awaitNanos(wake, now < earliest ? Math.min(earliest, deadline) - now : deadline - now);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Reads the app's new lines page by page and routes them; the number of lines read. */
    private int pollApp() {
        long from;
        lock.lock();
        try {
            from = cursor;
        } finally {
            lock.unlock();
        }
        long token = from;
        List<LogLine> read = new ArrayList<>();
        for (int i = 0; i < MAX_PAGES; i++) {
            LogPage page = reader.appPage(new LogPosition(token));
            read.addAll(page.lines());
            long next = page.next().isStart() ? token : page.next().nanos();
            if (page.lines().isEmpty() || next == token) {
                break;
            }
            token = next;
            if (page.lines().size() < FULL_PAGE) {
                break;
            }
        }
        lock.lock();
        try {
            for (LogLine line : read) {
                keep(line);
                for (FollowedMachine f : followers) {
                    f.offer(line);
                }
            }
            for (FollowedMachine f : followers) {
                if (f.covered >= from) {
                    f.covered = Math.max(f.covered, token);
                }
            }
            cursor = Math.max(cursor, token);
        } finally {
            lock.unlock();
        }
        return read.size();
    }

    /** Backfills several followers at once (each is its own machine's reads), then returns. */
    private void backfillAll(List<FollowedMachine> behind) throws InterruptedException {
        if (behind.size() == 1) {
            backfill(behind.get(0), null);
            return;
        }
        List<Thread> threads = new ArrayList<>();
        FlyException[] failed = new FlyException[1];
        for (FollowedMachine f : behind) {
            threads.add(Thread.ofVirtual().name("flaude-logs-backfill").start(() -> {
                try {
                    backfill(f, null);
                } catch (FlyException e) {
                    failed[0] = e;
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    /**
     * Reads one follower's machine page by page from where its lines are complete, until an empty page
     * (then they are complete up to now) or, when {@code endLine} is given, the page that holds it.
     */
    void backfill(FollowedMachine f, Predicate<LogLine> endLine) {
        long before;
        long from;
        lock.lock();
        try {
            before = cursor;
            from = f.covered;
        } finally {
            lock.unlock();
        }
        long token = from;
        while (true) {
            LogPage page = reader.page(f.machineId, token < 0 ? LogPosition.START : new LogPosition(token));
            long next = page.next().isStart() ? token : page.next().nanos();
            boolean done = page.lines().isEmpty() || next == token;
            boolean sawEnd = endLine != null && page.lines().stream().anyMatch(endLine);
            lock.lock();
            try {
                page.lines().forEach(f::offer);
                // After an empty page nothing of this machine is missing up to where the hub had read.
                f.covered = Math.max(f.covered, done ? Math.max(next, before) : next);
            } finally {
                lock.unlock();
            }
            if (done || sawEnd) {
                return;
            }
            token = next;
        }
    }

    /** The lock that guards this hub and its followers (never held while their callbacks run). */
    ReentrantLock lock() {
        return lock;
    }

    /** This hub's time. */
    Clock clock() {
        return clock;
    }

    /** This hub's intervals and grace. */
    LogTimings timings() {
        return timings;
    }

    /** Under the lock: whether the hub is closed. */
    boolean closed() {
        return closed;
    }

    /** Under the lock: a follower now awaits its end line, so the reader should read soon. */
    void endAwaited() {
        wake.signalAll();
    }

    /** Under the lock: a follower stopped. */
    void remove(FollowedMachine f) {
        followers.remove(f);
    }

    private void keep(LogLine line) {
        recent.addLast(line);
        if (recent.size() > RECENT_MAX) {
            LogLine dropped = recent.removeFirst();
            if (dropped.timestamp() != null && recentSince >= 0) {
                recentSince = Math.max(recentSince, nanos(dropped.timestamp()));
            }
        }
    }

    private Duration backoff(Duration last) {
        return last.isZero() ? timings.errorFirst() : min(last.multipliedBy(2), timings.errorMax());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A time as Fly's log tokens count it: nanoseconds since the epoch. */
    public static long nanos(Instant t) {
        return LogPosition.at(t).nanos();
    }
}

package io.flaude.agent.internal;

import io.flaude.fly.FlyException;
import io.flaude.fly.LogLine;
import io.flaude.fly.LogPage;
import io.flaude.fly.Logs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one machine's log lines from a starting token: live on a virtual thread while the run goes
 * on (so nothing printed early is lost), then, when it has ended, keeps reading for a grace period
 * until the exit marker arrives (Fly's logs can trail the machine's stop). Not API.
 */
public final class LogFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Logs logs;
    private final String machineId;
    private final Consumer<String> onLine;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> lines = new ArrayList<>();
    private String token;
    private Thread poller;
    private volatile boolean stopping;

    /** Marks where this run's lines start: everything already printed is skipped. */
    public static LogFollower fromNow(Logs logs, String machineId, Consumer<String> onLine) {
        LogFollower f = new LogFollower(logs, machineId, onLine, null);
        f.token = logs.drain(machineId).nextToken();
        return f;
    }

    /** Follows the lines printed after {@code token} (e.g. {@link Logs#tokenAt} of an update's time): no request. */
    public static LogFollower fromToken(Logs logs, String machineId, String token, Consumer<String> onLine) {
        return new LogFollower(logs, machineId, onLine, token);
    }

    public static LogFollower fromStart(Logs logs, String machineId, Consumer<String> onLine) {
        return new LogFollower(logs, machineId, onLine, null);
    }

    private LogFollower(Logs logs, String machineId, Consumer<String> onLine, String token) {
        this.logs = logs;
        this.machineId = machineId;
        this.onLine = onLine == null ? line -> { } : onLine;
        this.token = token;
    }

    /** Starts reading on a virtual thread. */
    public LogFollower start() {
        poller = Thread.ofVirtual().name("flaude-logs-" + machineId).start(() -> {
            while (!stopping) {
                try {
                    readOnce();
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    return;
                } catch (FlyException e) {
                    LOG.debug("Reading logs of machine {} failed: {}", machineId, e.getMessage());
                }
            }
        });
        return this;
    }

    /**
     * Stops following, then reads until the exit marker is in or {@code grace} has passed; returns every
     * line. When the marker is on the first page read, that one request is all it costs.
     */
    public List<String> finish(Duration grace) {
        stopFollowing();
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            try {
                readUntilMarker();
            } catch (FlyException e) {
                LOG.debug("Reading logs of machine {} failed: {}", machineId, e.getMessage());
            }
            List<String> seen = lines();
            if (Outcome.marker(seen) != null || System.nanoTime() >= deadline) {
                return seen;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lines();
            }
        }
    }

    private void readOnce() {
        lock.lock();
        try {
            take(token == null ? logs.drain(machineId) : logs.drain(machineId, token));
        } finally {
            lock.unlock();
        }
    }

    /** Page by page, stopping at an empty page or at the page that holds the exit marker. */
    private void readUntilMarker() {
        lock.lock();
        try {
            while (true) {
                LogPage page = token == null ? logs.page(machineId) : logs.page(machineId, token);
                take(page);
                if (page.lines().isEmpty() || Outcome.marker(lines) != null) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void take(LogPage page) {
        token = page.nextToken();
        for (LogLine line : page.lines()) {
            lines.add(line.message());
            onLine.accept(line.message());
        }
    }

    private List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    private void stopFollowing() {
        stopping = true;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopFollowing();
    }
}

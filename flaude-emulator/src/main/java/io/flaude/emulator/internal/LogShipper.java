package io.flaude.emulator.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.node.ArrayNode;

/**
 * Fly's log shipper (fly-log-shipper: Vector reading the org's NATS stream into its HTTP sink), for
 * the emulator's machines: every {@code interval} (Vector: 1 s) it posts the lines printed since as one
 * JSON array of {@link StreamEvent}s, {@code Content-Type: application/json},
 * {@code Authorization: Bearer <token>}. Like Vector it retries a batch answered 429 or 5xx (or not
 * answered), with backoff, and drops a batch answered with another 4xx. Bounded: beyond
 * {@link #MAX_QUEUED} unsent lines the oldest are dropped.
 */
final class LogShipper implements LogSink {
    static final int MAX_QUEUED = 100_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final URI url;
    private final String token;
    private final Duration interval;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private final ArrayNode queued = Json.array();
    private final Thread thread;
    private boolean closed;

    LogShipper(URI url, String token, Duration interval) {
        this.url = url;
        this.token = token;
        this.interval = interval;
        this.thread = Thread.ofVirtual().name("emulator-log-shipper").start(this::run);
    }

    @Override
    public void accept(String app, LogRecord line) {
        lock.lock();
        try {
            queued.add(StreamEvent.of(app, line));
            if (queued.size() > MAX_QUEUED) {
                queued.remove(0);
            }
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        ArrayNode batch = null;
        while (true) {
            lock.lock();
            try {
                long wait = (backoff.isZero() ? interval : backoff).toNanos();
                while (!closed && wait > 0) {
                    wait = closing.awaitNanos(wait);
                }
                if (batch == null) {
                    batch = take();
                }
                if (closed && batch.isEmpty()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (batch.isEmpty()) {
                batch = null;
                continue;
            }
            int status = post(batch);
            boolean retry = status == 0 || status == 429 || status >= 500;
            if (retry && !isClosed()) {
                backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), MAX_BACKOFF);
            } else {
                batch = null; // sent, or refused for good (Vector drops other 4xx), or closing
                backoff = Duration.ZERO;
            }
        }
    }

    /** Under the lock: what is queued, emptied. */
    private ArrayNode take() {
        ArrayNode batch = queued.deepCopy();
        queued.removeAll();
        return batch;
    }

    /** The status the drain answered, 0 when it did not answer. */
    private int post(ArrayNode batch) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(batch)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Sends what is queued (one last try), then stops. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}

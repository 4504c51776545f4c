package io.flaude.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every request the emulator received, in arrival order, with what it answered. An exchange is
 * recorded before its response is written, so once a client has its response the exchange is
 * already here. Safe to read while requests are being served.
 */
public final class Journal {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Exchange> exchanges = new ArrayList<>();

    Journal() {}

    /** A snapshot of every exchange so far, oldest first. */
    public List<Exchange> exchanges() {
        lock.lock();
        try {
            return List.copyOf(exchanges);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The most recent exchange.
     *
     * @throws NoSuchElementException when nothing was recorded yet
     */
    public Exchange last() {
        List<Exchange> all = exchanges();
        if (all.isEmpty()) {
            throw new NoSuchElementException("the emulator has received no request yet");
        }
        return all.getLast();
    }

    /** Forgets every exchange recorded so far. */
    public void clear() {
        lock.lock();
        try {
            exchanges.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The exchanges with this method (or {@code *} for any) whose path matches the glob, oldest first.
     * In the glob {@code *} matches one path segment, e.g. {@code /v1/apps/*}{@code /volumes}.
     */
    public List<Exchange> matching(String method, String pathGlob) {
        var glob = new RouteGlob(method, pathGlob);
        return exchanges().stream()
                .filter(e -> glob.matches(e.method(), e.path()))
                .toList();
    }

    void record(Exchange exchange) {
        lock.lock();
        try {
            exchanges.add(exchange);
        } finally {
            lock.unlock();
        }
    }
}

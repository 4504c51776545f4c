package io.flaude.agent.internal;

import io.flaude.agent.Session;
import io.flaude.agent.SessionStore;
import io.flaude.agent.SessionStoreException;
import io.flaude.fly.FlyException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of a session a live process works on (creating it), and its liveness mark: every write sets
 * {@link Session#heldUntil()} {@link #TTL} ahead, and a background thread writes it again every third of
 * that until {@link #close()}, so a reaper in any process sharing the store leaves the session alone while
 * this process lives and rolls it back soon after it died. The only writer of the record while open. A
 * record someone deleted meanwhile is never brought back: the next write fails instead. Not API.
 */
final class LiveRecord implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRecord.class);
    /** How far ahead the mark reaches: a process that died is seen as dead this long after. */
    static final Duration TTL = TurnExecution.LEASE_TTL;

    private final SessionStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private Session current;
    private boolean closed;
    private boolean lost;

    private LiveRecord(SessionStore store, Session first) {
        this.store = store;
        this.current = marked(first);
        store.save(current);
        Thread.ofVirtual().name("flaude-mark-" + first.sessionId()).start(this::keep);
    }

    /** Inserts the record, marked, and keeps the mark alive. */
    static LiveRecord insert(SessionStore store, Session first) {
        return new LiveRecord(store, first);
    }

    /** The record as last written. */
    Session current() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** Writes the record (marked); fails when someone deleted it meanwhile. */
    void update(Session next) {
        lock.lock();
        try {
            write(marked(next));
        } finally {
            lock.unlock();
        }
    }

    /** Writes the record's last state, unmarked, stops marking it, and returns it as written. */
    Session finish(Session last) {
        lock.lock();
        try {
            write(last.toBuilder().heldUntil(null).build());
            closed = true;
            closing.signalAll();
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** Stops marking the record (the mark lapses within {@link #TTL}). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closing.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void write(Session next) {
        if (lost || !store.update(next)) {
            lost = true;
            throw new SessionStoreException(
                    "the record of session " + next.sessionId()
                            + " was removed from the session store while this process was creating it"
                            + " (a destroy or reap elsewhere)",
                    null);
        }
        current = next;
    }

    private void keep() {
        lock.lock();
        try {
            while (!closed) {
                closing.await(TTL.toMillis() / 3, TimeUnit.MILLISECONDS);
                if (closed) {
                    return;
                }
                try {
                    write(marked(current));
                } catch (SessionStoreException e) {
                    LOG.warn("Could not renew the mark of session {}: {}", current.sessionId(), e.getMessage());
                    if (lost) {
                        return;
                    }
                } catch (FlyException e) {
                    LOG.warn("Could not renew the mark of session {}: {}", current.sessionId(), e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private static Session marked(Session s) {
        return s.toBuilder().heldUntil(Instant.now().plus(TTL)).build();
    }
}

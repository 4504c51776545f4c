package io.flaude.agent;

import java.util.List;
import java.util.Optional;

/**
 * Where sessions are remembered between processes. Implementations: {@link InMemorySessionStore}
 * and {@link SqliteSessionStore}. All methods are safe to call from many threads.
 */
public interface SessionStore extends AutoCloseable {
    /** Inserts or replaces the session with this id. */
    void save(Session session);

    /**
     * Replaces the session with this id only if the store still holds it; false (and nothing written) when it
     * does not: a record someone else deleted meanwhile (a reaper, a destroy) is never brought back.
     */
    boolean update(Session session);

    Optional<Session> find(String sessionId);

    /** Every session, oldest first. */
    List<Session> list();

    /** Forgets the session; unknown ids are fine. */
    void delete(String sessionId);

    @Override
    default void close() {}
}

package io.flaude.agent;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionStore} that lives as long as the process: for tests and short-lived programs. */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(Session session) {
        sessions.put(session.sessionId(), session);
    }

    @Override
    public boolean update(Session session) {
        return sessions.computeIfPresent(session.sessionId(), (id, before) -> session) != null;
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public List<Session> list() {
        return sessions.values().stream()
                .sorted(Comparator.comparing(Session::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    @Override
    public void delete(String sessionId) {
        sessions.remove(sessionId);
    }
}

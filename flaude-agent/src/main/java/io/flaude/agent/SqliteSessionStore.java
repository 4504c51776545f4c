package io.flaude.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A {@link SessionStore} in an embedded SQLite file (default {@code ~/.flaude/sessions.db}), so
 * sessions survive the process. One connection, used under a lock; the file's folder is created.
 */
public final class SqliteSessionStore implements SessionStore {
    private static final String COLUMNS = "session_id, app, machine_id, volume_id, region, mount_path, created_at,"
            + " last_turn_at, ttl_seconds, idle_seconds, state, held_until";

    /** The folder of the default store. */
    public static final String FLAUDE_HOME_ENV = "FLAUDE_HOME";

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    public SqliteSessionStore(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("CREATE TABLE IF NOT EXISTS sessions (session_id TEXT PRIMARY KEY, app TEXT NOT NULL,"
                        + " machine_id TEXT, volume_id TEXT, region TEXT, mount_path TEXT, created_at TEXT,"
                        + " last_turn_at TEXT, ttl_seconds INTEGER, idle_seconds INTEGER, state TEXT NOT NULL,"
                        + " held_until TEXT)");
                addHeldUntil(s);
            }
        } catch (IOException e) {
            throw new SessionStoreException(
                    "cannot create the folder of the session store " + file + ": " + describe(e), e);
        } catch (SQLException e) {
            throw new SessionStoreException("cannot open the session store " + file + ": " + e.getMessage(), e);
        }
    }

    /** A store written by a version before the liveness mark gets its column (a missing value reads as none). */
    private static void addHeldUntil(Statement s) throws SQLException {
        try (ResultSet columns = s.executeQuery("PRAGMA table_info(sessions)")) {
            while (columns.next()) {
                if ("held_until".equals(columns.getString("name"))) {
                    return;
                }
            }
        }
        s.execute("ALTER TABLE sessions ADD COLUMN held_until TEXT");
    }

    /** An I/O failure as a user can act on it: what the file system said (read-only, permission denied, ...). */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.toString();
    }

    /** The default file, as the CLI uses it: {@code $FLAUDE_HOME/sessions.db}, else {@code ~/.flaude/sessions.db}. */
    public static Path defaultFile() {
        return defaultFile(System::getenv);
    }

    /** {@link #defaultFile()} with environment variables read from {@code env}. */
    public static Path defaultFile(Function<String, String> env) {
        String flaudeHome = env.apply(FLAUDE_HOME_ENV);
        Path home = flaudeHome != null && !flaudeHome.isBlank()
                ? Path.of(flaudeHome)
                : Path.of(System.getProperty("user.home"), ".flaude");
        return home.resolve("sessions.db");
    }

    @Override
    public void save(Session s) {
        run("INSERT OR REPLACE INTO sessions (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", st -> {
            bind(st, s);
            st.executeUpdate();
            return null;
        });
    }

    @Override
    public boolean update(Session s) {
        return run("UPDATE sessions SET (" + COLUMNS + ") = (?,?,?,?,?,?,?,?,?,?,?,?) WHERE session_id = ?", st -> {
            bind(st, s);
            st.setString(13, s.sessionId());
            return st.executeUpdate() > 0;
        });
    }

    private static void bind(PreparedStatement st, Session s) throws SQLException {
        st.setString(1, s.sessionId());
        st.setString(2, s.app());
        st.setString(3, s.machineId());
        st.setString(4, s.volumeId());
        st.setString(5, s.region());
        st.setString(6, s.mountPath());
        st.setString(7, text(s.createdAt()));
        st.setString(8, text(s.lastTurnAt()));
        st.setObject(9, s.ttl() == null ? null : s.ttl().toSeconds());
        st.setObject(10, s.idleTimeout() == null ? null : s.idleTimeout().toSeconds());
        st.setString(11, s.stateAsString());
        st.setString(12, text(s.heldUntil()));
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return run("SELECT " + COLUMNS + " FROM sessions WHERE session_id = ?", st -> {
            st.setString(1, sessionId);
            List<Session> found = read(st);
            return found.stream().findFirst();
        });
    }

    @Override
    public List<Session> list() {
        return run("SELECT " + COLUMNS + " FROM sessions ORDER BY created_at", SqliteSessionStore::read);
    }

    @Override
    public void delete(String sessionId) {
        run("DELETE FROM sessions WHERE session_id = ?", st -> {
            st.setString(1, sessionId);
            st.executeUpdate();
            return null;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SessionStoreException("cannot close the session store: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private interface Work<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String sql, Work<T> work) {
        lock.lock();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            return work.apply(st);
        } catch (SQLException e) {
            throw new SessionStoreException("session store: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static List<Session> read(PreparedStatement st) throws SQLException {
        List<Session> sessions = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                sessions.add(Session.builder(rs.getString(1), rs.getString(2))
                        .machineId(rs.getString(3))
                        .volumeId(rs.getString(4))
                        .region(rs.getString(5))
                        .mountPath(rs.getString(6))
                        .createdAt(instant(rs.getString(7)))
                        .lastTurnAt(instant(rs.getString(8)))
                        .ttl(duration(rs.getObject(9)))
                        .idleTimeout(duration(rs.getObject(10)))
                        .stateAsString(rs.getString(11))
                        .heldUntil(instant(rs.getString(12)))
                        .build());
            }
        }
        return sessions;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static Duration duration(Object seconds) {
        return seconds == null ? null : Duration.ofSeconds(((Number) seconds).longValue());
    }
}

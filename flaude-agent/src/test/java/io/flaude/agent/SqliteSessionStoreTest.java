package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionStoreTest {
    private static final Session SESSION = new Session("0b0e7c1e-1111-4222-8333-944455556666", "app", "3d8d413b29d089",
            "vol_abcdefgh12345678", "iad", "/data", Instant.parse("2026-11-28T12:00:00Z"),
            Instant.parse("2026-11-28T12:05:00Z"), Duration.ofHours(2), Duration.ofMinutes(30), Session.IDLE);

    @Test
    void a_saved_session_survives_reopening_the_file(@TempDir Path dir) {
        Path file = dir.resolve("nested/sessions.db");
        try (SqliteSessionStore store = new SqliteSessionStore(file)) {
            store.save(SESSION);
        }
        try (SqliteSessionStore reopened = new SqliteSessionStore(file)) {
            assertThat(reopened.find(SESSION.sessionId())).contains(SESSION);
            assertThat(reopened.list()).containsExactly(SESSION);
        }
    }

    @Test
    void save_replaces_and_delete_forgets(@TempDir Path dir) {
        try (SqliteSessionStore store = new SqliteSessionStore(dir.resolve("s.db"))) {
            store.save(SESSION);
            store.save(SESSION.withState(Session.FAILED));
            assertThat(store.find(SESSION.sessionId())).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo("failed"));

            store.delete(SESSION.sessionId());
            store.delete("unknown");
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void null_durations_and_times_round_trip(@TempDir Path dir) {
        Session bare = new Session("s1", "app", null, null, "iad", "/data", Instant.parse("2026-11-28T12:00:00Z"),
                null, null, null, Session.CREATING);
        try (SqliteSessionStore store = new SqliteSessionStore(dir.resolve("s.db"))) {
            store.save(bare);
            assertThat(store.find("s1")).contains(bare);
        }
    }

    @Test
    void the_default_file_lives_under_FLAUDE_HOME_or_the_home_folder() {
        assertThat(SqliteSessionStore.defaultFile("/tmp/fh")).isEqualTo(Path.of("/tmp/fh/sessions.db"));
        assertThat(SqliteSessionStore.defaultFile(null).toString()).endsWith("/.flaude/sessions.db");
    }

    @Test
    void expiry_follows_ttl_and_idle_timeout() {
        assertThat(SESSION.expiredAt(Instant.parse("2026-11-28T12:20:00Z"))).isFalse();
        assertThat(SESSION.expiredAt(Instant.parse("2026-11-28T12:40:00Z"))).as("idle 35 min").isTrue();
        assertThat(SESSION.afterTurn(Instant.parse("2026-11-28T13:50:00Z")).expiredAt(Instant.parse("2026-11-28T14:01:00Z")))
                .as("ttl 2 h").isTrue();
    }
}

package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionStoreTest {
    private static final Session SESSION = Session.builder("0b0e7c1e-1111-4222-8333-944455556666", "app")
            .machineId("3d8d413b29d089")
            .volumeId("vol_abcdefgh12345678")
            .region("iad")
            .mountPath("/data")
            .createdAt(Instant.parse("2026-11-28T12:00:00Z"))
            .lastTurnAt(Instant.parse("2026-11-28T12:05:00Z"))
            .ttl(Duration.ofHours(2))
            .idleTimeout(Duration.ofMinutes(30))
            .state(SessionState.IDLE)
            .build();

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
            store.save(SESSION.withState(SessionState.FAILED));
            assertThat(store.find(SESSION.sessionId()))
                    .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(SessionState.FAILED));

            store.delete(SESSION.sessionId());
            store.delete("unknown");
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void null_durations_and_times_round_trip(@TempDir Path dir) {
        Session bare = Session.builder("s1", "app")
                .region("iad")
                .createdAt(Instant.parse("2026-11-28T12:00:00Z"))
                .build();
        try (SqliteSessionStore store = new SqliteSessionStore(dir.resolve("s.db"))) {
            store.save(bare);
            assertThat(store.find("s1")).contains(bare);
        }
    }

    @Test
    void the_default_file_lives_under_FLAUDE_HOME_or_the_home_folder() {
        assertThat(SqliteSessionStore.defaultFile(Map.of("FLAUDE_HOME", "/tmp/fh")::get))
                .isEqualTo(Path.of("/tmp/fh/sessions.db"));
        assertThat(SqliteSessionStore.defaultFile(name -> null).toString()).endsWith("/.flaude/sessions.db");
    }

    @Test
    void a_state_written_by_a_newer_version_reads_as_unknown_and_is_kept(@TempDir Path dir) {
        Session later = SESSION.toBuilder().stateAsString("hibernating").build();
        try (SqliteSessionStore store = new SqliteSessionStore(dir.resolve("s.db"))) {
            store.save(later);
            assertThat(store.find(later.sessionId())).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(SessionState.UNKNOWN);
                assertThat(s.stateAsString()).isEqualTo("hibernating");
            });
        }
    }

    @Test
    void a_store_that_cannot_be_opened_raises_the_librarys_own_error(@TempDir Path dir) throws java.io.IOException {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("file"), "x");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SqliteSessionStore(notAFolder.resolve("s.db")))
                .isInstanceOf(SessionStoreException.class)
                .isInstanceOf(FlaudeException.class)
                .hasMessageContaining("session store");
    }

    @Test
    void a_store_folder_that_cannot_be_made_says_why(@TempDir Path dir) throws java.io.IOException {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("file"), "x");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new SqliteSessionStore(notAFolder.resolve("home").resolve("s.db")))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageStartingWith("cannot create the folder of the session store")
                .hasMessageMatching("(?s).*s\\.db: \\S.*");
    }

    @Test
    void an_update_never_brings_back_a_deleted_record(@TempDir Path dir) {
        try (SqliteSessionStore store = new SqliteSessionStore(dir.resolve("s.db"))) {
            store.save(SESSION);
            store.delete(SESSION.sessionId());

            assertThat(store.update(SESSION.withState(SessionState.IDLE))).isFalse();
            assertThat(store.find(SESSION.sessionId())).isEmpty();
        }
    }

    @Test
    void expiry_follows_ttl_and_idle_timeout() {
        assertThat(SESSION.expiredAt(Instant.parse("2026-11-28T12:20:00Z"))).isFalse();
        assertThat(SESSION.expiredAt(Instant.parse("2026-11-28T12:40:00Z")))
                .as("idle 35 min")
                .isTrue();
        assertThat(SESSION.afterTurn(Instant.parse("2026-11-28T13:50:00Z"))
                        .expiredAt(Instant.parse("2026-11-28T14:01:00Z")))
                .as("ttl 2 h")
                .isTrue();
    }
}

package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Await;
import io.flaude.emulator.Exchange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A warm turn asks Fly only for what it needs: update, start, wait, and the logs for its exit marker. */
class TurnPathTest extends AgentTestBase {

    private List<String> machineCalls() {
        return emulator.journal().exchanges().stream()
                .filter(e -> !e.path().startsWith("/api/"))
                .map(Exchange::operation)
                .toList();
    }

    @Test
    void a_turn_right_after_another_is_update_start_and_wait_only() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        sessions.turn(s.sessionId(), turn("second"));
        emulator.journal().clear();

        TurnResult third = sessions.turn(s.sessionId(), turn("third"));

        assertThat(third.result().succeeded()).isTrue();
        assertThat(machineCalls()).containsExactly("Machines_update", "Machines_start", "Machines_wait");
        assertThat(emulator.journal().matching("GET", "/api/v1/apps/*/logs")).isNotEmpty();
        assertThat(third.result().logLines())
                .anyMatch(l -> l.contains("Turn 3"))
                .noneMatch(l -> l.contains("Turn 2 "));
    }

    @Test
    void a_first_turn_in_a_new_process_reads_the_config_and_takes_a_lease() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        sessions.close();
        try (Sessions fresh = new Sessions(fly, store, Duration.ofSeconds(10))) {
            emulator.journal().clear();

            assertThat(fresh.turn(s.sessionId(), turn("second")).result().succeeded())
                    .isTrue();
        }
        assertThat(machineCalls())
                .containsSubsequence(
                        "Machines_create_lease",
                        "Machines_show",
                        "Machines_update",
                        "Machines_start",
                        "Machines_wait",
                        "Machines_release_lease");
    }

    @Test
    void closing_releases_the_lease_a_turn_kept_so_another_process_turns_at_once() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        sessions.turn(s.sessionId(), turn("second"));
        assertThat(fly.machines(APP).findLease(s.machineId()))
                .as("kept for the next turn")
                .isPresent();

        sessions.close();

        assertThat(fly.machines(APP).findLease(s.machineId())).isEmpty();
        try (Sessions other = new Sessions(fly, store, Duration.ofSeconds(10))) {
            assertThat(other.turn(s.sessionId(), turn("third")).result().succeeded())
                    .isTrue();
        }
    }

    @Test
    void a_kept_lease_is_released_by_itself_soon_after_the_turn() throws InterruptedException {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        sessions.turn(s.sessionId(), turn("second"));

        Await.until("the lease's release", Duration.ofSeconds(10), () -> fly.machines(APP)
                .findLease(s.machineId())
                .isEmpty());
    }
}

package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import io.flaude.fly.FlyException;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineState;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SessionsTest extends AgentTestBase {
    private TurnResult create(AgentConfig config) {
        return sessions.create(APP, config, SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT));
    }

    private void assertNothingLeft() {
        assertThat(liveMachines()).as("machines").isEmpty();
        assertThat(fly.volumes(APP).list(VolumeListOptions.LIVE)).as("volumes").isEmpty();
    }

    /** Starts a turn that runs 1.5 s and returns once its machine has printed its first line: the turn is underway. */
    private static CompletableFuture<TurnResult> slowTurnUnderway(Sessions on, Session s) throws InterruptedException {
        CountDownLatch printing = new CountDownLatch(1);
        CompletableFuture<TurnResult> slow = CompletableFuture.supplyAsync(() -> on.turn(
                s.sessionId(),
                turn("slow")
                        .withEnv(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "1500"))
                        .withOnLine(l -> printing.countDown())));
        assertThat(printing.await(10, TimeUnit.SECONDS))
                .as("the slow turn printed")
                .isTrue();
        return slow;
    }

    @Test
    void create_makes_a_volume_and_a_stopped_machine_after_turn_one() {
        TurnResult t = create(config("remember the number 7"));
        Session s = t.session();

        assertThat(t.result().succeeded()).isTrue();
        assertThat(s.state()).isEqualTo(SessionState.IDLE);
        assertThat(s.createdAt()).isBeforeOrEqualTo(s.lastTurnAt());
        Volume v = fly.volumes(APP).get(s.volumeId());
        assertThat(v.name()).startsWith(Sessions.VOLUME_PREFIX).hasSizeLessThanOrEqualTo(30);
        assertThat(v.attachedMachineId()).isEqualTo(s.machineId());
        Machine m = fly.machines(APP).get(s.machineId());
        assertThat(m.state()).isEqualTo(MachineState.STOPPED);
        assertThat(m.config().autoDestroy()).isFalse();
        assertThat(m.metadata(AgentConfig.METADATA_SESSION_ID)).contains(s.sessionId());
        assertThat(store.find(s.sessionId())).contains(s);
    }

    @Test
    void turn_two_continues_turn_one_from_the_transcript_on_the_volume() throws java.io.IOException {
        Session s = create(config("remember the number 7")).session();

        TurnResult two = sessions.turn(s.sessionId(), turn("what was the number?"));

        assertThat(String.join("\n", two.result().output()))
                .contains("1 earlier turn")
                .contains("remember the number 7");
        try (Stream<Path> files = Files.walk(emulator.volumeDirectory(APP, s.volumeId()))) {
            assertThat(files.filter(p -> p.toString().endsWith(s.sessionId() + ".jsonl")))
                    .hasSize(1);
        }
    }

    @Test
    void a_turn_never_returns_the_previous_turns_result() {
        Session s = create(config("first")).session();

        TurnResult two = sessions.turn(s.sessionId(), turn("second"));

        assertThat(two.result().logLines())
                .filteredOn(l -> l.contains("Turn 1 "))
                .isEmpty();
        assertThat(two.result().logLines()).anyMatch(l -> l.contains("Turn 2"));
    }

    @Test
    void a_turn_keeps_the_sessions_mount_and_id_and_updates_by_post() {
        Session s = create(config("first")).session();

        sessions.turn(s.sessionId(), turn("second"));

        Machine m = fly.machines(APP).get(s.machineId());
        assertThat(m.config().mounts()).singleElement().satisfies(mount -> assertThat(mount.volume())
                .isEqualTo(s.volumeId()));
        assertThat(m.config().env())
                .containsEntry("FLAUDE_SESSION_ID", s.sessionId())
                .containsEntry("FLAUDE_PROMPT", "second");
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines/*")).isNotEmpty();
        assertThat(emulator.journal().matching("PUT", "/v1/apps/*/machines/*")).isEmpty();
    }

    @Test
    void a_failed_turn_raises_but_keeps_the_session() {
        Session s = create(config("first")).session();

        assertThatThrownBy(
                        () -> sessions.turn(s.sessionId(), turn("second").withEnv(Map.of("FLAUDE_EMULATOR_EXIT", "5"))))
                .isInstanceOfSatisfying(
                        RunFailedException.class,
                        e -> assertThat(e.result().exitCode()).isEqualTo(5));
        assertThat(store.find(s.sessionId())).isPresent();
        assertThat(fly.machines(APP).get(s.machineId()).state()).isEqualTo(MachineState.STOPPED);
    }

    @Test
    void per_turn_env_is_gone_again_at_the_next_turn() {
        Session s = create(config("first")).session();
        assertThatThrownBy(
                        () -> sessions.turn(s.sessionId(), turn("fails").withEnv(Map.of("FLAUDE_EMULATOR_EXIT", "3"))))
                .isInstanceOf(RunFailedException.class);

        TurnResult next = sessions.turn(s.sessionId(), turn("works"));

        assertThat(next.result().succeeded()).isTrue();
        assertThat(fly.machines(APP).get(s.machineId()).config().env()).doesNotContainKey("FLAUDE_EMULATOR_EXIT");
    }

    @Test
    void per_turn_env_may_not_replace_what_the_session_sets() {
        Session s = create(config("first")).session();
        int before =
                emulator.journal().matching("POST", "/v1/apps/*/machines/*").size();

        assertThatThrownBy(() ->
                        sessions.turn(s.sessionId(), turn("x").withEnv(Map.of("CLAUDE_CODE_OAUTH_TOKEN", "other"))))
                .isInstanceOf(io.flaude.fly.FlyValidationException.class)
                .hasMessageContaining("CLAUDE_CODE_OAUTH_TOKEN")
                .hasMessageNotContaining("other");
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines/*")).hasSize(before);
        assertThat(sessions.turn(s.sessionId(), turn("still works")).result().succeeded())
                .isTrue();
    }

    @Test
    void a_turn_that_times_out_stops_the_machine_and_the_session_turns_again() {
        Session s = create(config("first")).session();

        assertThatThrownBy(() -> sessions.turn(
                        s.sessionId(),
                        turn("slow")
                                .withEnv(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "10000"))
                                .withTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(io.flaude.fly.FlyTimeoutException.class);

        assertThat(fly.machines(APP).get(s.machineId()).state()).isEqualTo(MachineState.STOPPED);
        assertThat(sessions.get(s.sessionId()).state()).isEqualTo(SessionState.IDLE);
        assertThat(sessions.turn(s.sessionId(), turn("again")).result().succeeded())
                .isTrue();
    }

    @Test
    void a_second_concurrent_turn_is_refused_with_a_clear_error() throws Exception {
        Session s = create(config("first")).session();
        CompletableFuture<TurnResult> slow = slowTurnUnderway(sessions, s);

        assertThatThrownBy(() -> sessions.turn(s.sessionId(), turn("again")))
                .isInstanceOf(SessionBusyException.class)
                .hasMessageContaining(s.sessionId());
        assertThat(slow.get().result().succeeded()).isTrue();
    }

    @Test
    void a_turn_from_another_process_is_refused_by_the_fly_lease() throws Exception {
        Session s = create(config("first")).session();
        Sessions otherProcess = new Sessions(fly, store, Duration.ofSeconds(10));
        CompletableFuture<TurnResult> slow = slowTurnUnderway(sessions, s);

        assertThatThrownBy(() -> otherProcess.turn(s.sessionId(), turn("again")))
                .isInstanceOf(SessionBusyException.class)
                .hasMessageContaining("lease");
        slow.get();
    }

    @Test
    void destroy_waits_out_the_bound_volume_and_leaves_nothing() {
        Session s = create(config("first")).session();

        assertThat(sessions.destroy(s.sessionId())).isTrue();

        assertNothingLeft();
        assertThat(emulator.liveResources()).isEmpty();
        assertThat(emulator.journal().exchanges()).anyMatch(e -> e.status() == 412);
        assertThat(store.find(s.sessionId())).isEmpty();
        assertThat(sessions.destroy(s.sessionId())).isFalse();
    }

    @Test
    void a_session_the_store_lost_is_rebuilt_from_fly_and_turns_again() {
        Session s = create(config("first")).session();
        sessions.close(); // this process ends: the lease its create left for a next turn goes
        Sessions fresh = new Sessions(fly, new InMemorySessionStore(), Duration.ofSeconds(10));

        Session rebuilt = fresh.recover(APP, s.sessionId());

        assertThat(rebuilt.machineId()).isEqualTo(s.machineId());
        assertThat(rebuilt.volumeId()).isEqualTo(s.volumeId());
        assertThat(rebuilt.mountPath()).isEqualTo("/data");
        assertThat(fresh.turn(s.sessionId(), turn("again")).result().output())
                .anyMatch(l -> l.contains("1 earlier turn"));
    }

    @Test
    void recovering_an_unknown_session_says_so() {
        assertThatThrownBy(() -> sessions.recover(APP, "00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(SessionNotFoundException.class)
                .hasMessageContaining(APP);
    }

    @Test
    void a_volume_create_failure_creates_nothing_and_forgets_the_session() {
        emulator.faults()
                .script("POST", "/v1/apps/*/volumes", Fault.status(422, "{\"error\":\"unprocessable: boom\"}"));

        assertThatThrownBy(() -> create(config("first"))).isInstanceOf(FlyException.class);
        assertNothingLeft();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_machine_create_failure_destroys_the_volume() {
        emulator.faults()
                .script(
                        "POST",
                        "/v1/apps/*/machines",
                        Fault.status(
                                412,
                                "{\"error\":\"insufficient resources to create new machine with existing volume\"}"));

        assertThatThrownBy(() -> create(config("first"))).isInstanceOf(FlyException.class);
        assertNothingLeft();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_failed_first_turn_destroys_machine_and_volume_and_raises() {
        assertThatThrownBy(() -> create(config("first", Map.of("FLAUDE_EMULATOR_EXIT", "2"))))
                .isInstanceOfSatisfying(
                        RunFailedException.class,
                        e -> assertThat(e.result().exitCode()).isEqualTo(2));
        assertNothingLeft();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_first_turn_that_times_out_leaves_nothing() {
        assertThatThrownBy(() -> sessions.create(
                        APP,
                        config("slow", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "10000")),
                        SessionOptions.DEFAULTS.withTurnTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(FlyException.class);
        assertNothingLeft();
    }

    @Test
    void a_create_in_an_app_that_does_not_exist_leaves_no_record() {
        assertThatThrownBy(() -> sessions.create("no-such-app", config("first"), SessionOptions.DEFAULTS))
                .isInstanceOf(io.flaude.fly.FlyNotFoundException.class);

        assertThat(store.list()).isEmpty();
    }

    @Test
    void destroy_drops_the_record_of_a_session_whose_app_no_longer_exists() {
        Session orphaned = Session.builder("00000000-0000-4000-8000-000000000002", "no-such-app")
                .state(SessionState.FAILED)
                .build();
        store.save(orphaned);

        sessions.destroy(orphaned);

        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_failed_turn_carries_the_session_as_it_stands() {
        Session s = create(config("first")).session();

        assertThatThrownBy(() -> sessions.turn(s, turn("fail").withEnv(Map.of("FLAUDE_EMULATOR_EXIT", "3"))))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.session()).hasValueSatisfying(after -> {
                        assertThat(after.sessionId()).isEqualTo(s.sessionId());
                        assertThat(after.state()).isEqualTo(SessionState.IDLE);
                    });
                });
    }
}

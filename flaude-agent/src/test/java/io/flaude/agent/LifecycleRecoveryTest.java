package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Await;
import io.flaude.emulator.Fault;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The session lifecycle under dead processes and racing ones: what each state's recovery does, and that
 * a reaper run by another process (another {@code Sessions} on the same store and app) never harms live
 * work. The crash probe's defects D1-D7, one behaviour each.
 */
class LifecycleRecoveryTest extends AgentTestBase {
    private static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    /** Another process on the same store: its own locks, lease cache and reaper. */
    private Sessions otherProcess() {
        return new Sessions(fly, store, Duration.ofSeconds(10));
    }

    private Session created() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        sessions.close(); // the process that made it ended
        return s;
    }

    private static <T> CompletableFuture<T> inBackground(java.util.function.Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private Machine awaitStarted(String what, java.util.function.Predicate<Machine> which) {
        Machine[] found = new Machine[1];
        Await.until(what, TIMEOUT, () -> {
            Optional<Machine> m = liveMachines().stream()
                    .filter(which)
                    .filter(x -> x.state() == MachineState.STARTED)
                    .findFirst();
            m.ifPresent(x -> found[0] = x);
            return m.isPresent();
        });
        return found[0];
    }

    @Test
    void a_create_whose_process_died_during_its_first_turn_is_rolled_back_by_the_default_reap() {
        Session s = created();
        // What a create killed during turn 1 leaves: its record still creating, its mark and lease lapsed.
        store.save(s.toBuilder()
                .state(SessionState.CREATING)
                .heldUntil(Instant.now().minusSeconds(1))
                .build());

        List<ReapAction> actions = otherProcess().reap(APP, DEFAULT_GRACE);

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo(ReapAction.Step.DESTROY);
            assertThat(a.reason()).contains("creation stopped");
            assertThat(a.done()).isTrue();
        });
        assertThat(emulator.liveResources()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_reap_during_another_process_create_leaves_it_alone_and_the_create_succeeds() {
        CompletableFuture<TurnResult> create = inBackground(() -> sessions.create(
                APP,
                config("first", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "1500")),
                SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT)));
        awaitStarted("the create's first turn", m -> m.metadata("session_id").isPresent());

        List<ReapAction> actions = otherProcess().reap(APP, Duration.ZERO);

        assertThat(actions).isEmpty();
        assertThat(create.join().result().succeeded()).isTrue();
        assertThat(store.find(create.join().session().sessionId()))
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(SessionState.IDLE));
    }

    @Test
    void a_reap_before_another_process_create_has_its_machine_leaves_the_half_made_session_alone() {
        emulator.faults().script("POST", "/v1/apps/*/machines", Fault.delay(Duration.ofMillis(1500)));
        CompletableFuture<TurnResult> create = inBackground(
                () -> sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT)));
        Await.until("the create's record with its volume", TIMEOUT, () -> store.list().stream()
                .anyMatch(r -> r.volumeId() != null && r.machineId() == null));

        List<ReapAction> actions = otherProcess().reap(APP, Duration.ZERO);

        assertThat(actions).isEmpty();
        assertThat(create.join().result().succeeded()).isTrue();
    }

    @Test
    void a_reap_during_a_run_leaves_its_machine_alone_whatever_the_grace() {
        CompletableFuture<RunResult> run = inBackground(
                () -> new Runner(fly).run(APP, config("long", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "1500"))));
        awaitStarted("the run's machine", m -> m.metadata("session_id").isEmpty());

        List<ReapAction> actions = otherProcess().reap(APP, Duration.ZERO);

        assertThat(actions).isEmpty();
        assertThat(run.join().succeeded()).isTrue();
        assertThat(emulator.liveResources()).isEmpty();
    }

    @Test
    void a_reap_during_another_process_turn_leaves_it_alone_and_the_turn_is_recorded() {
        Session s = created();
        Sessions turning = otherProcess();
        CompletableFuture<TurnResult> turn = inBackground(
                () -> turning.turn(s.sessionId(), turn("slow").withEnv(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "1500"))));
        awaitStarted("the turn's machine", m -> m.id().equals(s.machineId()));

        List<ReapAction> actions = sessions.reap(APP, Duration.ZERO);

        assertThat(actions).isEmpty();
        assertThat(turn.join().result().succeeded()).isTrue();
        assertThat(store.find(s.sessionId()).orElseThrow().state()).isEqualTo(SessionState.IDLE);
    }

    /** A session whose record says {@code state} while its machine is gone, as another process reaps it. */
    private ReapAction reapedWithItsMachineGone(SessionState state) {
        Session s = created();
        store.save(s.withState(state));
        emulator.loseMachineForTest(APP, s.machineId());

        List<ReapAction> actions = otherProcess().reap(APP, DEFAULT_GRACE);

        assertThat(emulator.liveResources()).isEmpty();
        assertThat(fly.secrets(APP).list()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    @Test
    void a_destroy_cut_short_after_its_machine_is_finished_by_the_default_reap() {
        ReapAction a = reapedWithItsMachineGone(SessionState.DESTROYING);

        assertThat(a.reason()).contains("destroy of it was cut short");
        assertThat(a.done()).isTrue();
    }

    @Test
    void a_running_record_whose_machine_is_gone_is_destroyed_not_set_idle() {
        ReapAction a = reapedWithItsMachineGone(SessionState.RUNNING);

        assertThat(a.step()).isEqualTo(ReapAction.Step.DESTROY);
        assertThat(a.done()).isTrue();
    }

    @Test
    void a_destroy_marks_the_record_destroying_before_it_touches_fly() {
        Session s = created();
        emulator.faults().script("DELETE", "/v1/apps/*/volumes/*", Fault.status(400, "{\"error\":\"refused\"}"));

        assertThatThrownBy(() -> otherProcess().destroy(s.sessionId())).isInstanceOf(io.flaude.fly.FlyException.class);

        assertThat(store.find(s.sessionId()))
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(SessionState.DESTROYING));
        assertThat(otherProcess().reap(APP, DEFAULT_GRACE)).singleElement().satisfies(a -> assertThat(a.done())
                .isTrue());
        assertThat(emulator.liveResources()).isEmpty();
    }

    @Test
    void a_turn_on_a_create_that_never_finished_says_so_and_how_to_remove_it() {
        store.save(Session.builder("5e55e55e-0000-4000-8000-000000000001", APP)
                .heldUntil(Instant.now().minusSeconds(1))
                .build());

        assertThatThrownBy(() -> sessions.turn("5e55e55e-0000-4000-8000-000000000001", turn("next")))
                .isInstanceOf(SessionUnusableException.class)
                .hasMessageContaining("creation never finished")
                .hasMessageContaining("reap");
    }

    @Test
    void a_turn_on_a_session_still_being_created_is_busy() {
        store.save(Session.builder("5e55e55e-0000-4000-8000-000000000002", APP)
                .heldUntil(Instant.now().plusSeconds(60))
                .build());

        assertThatThrownBy(() -> sessions.turn("5e55e55e-0000-4000-8000-000000000002", turn("next")))
                .isInstanceOf(SessionBusyException.class)
                .hasMessageContaining("still being created");
    }

    @Test
    void a_destroy_during_another_process_turn_waits_for_the_turn_to_end_then_destroys() {
        Session s = created();
        Sessions turning = otherProcess();
        CompletableFuture<TurnResult> turn = inBackground(
                () -> turning.turn(s.sessionId(), turn("slow").withEnv(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "1500"))));
        awaitStarted("the turn's machine", m -> m.id().equals(s.machineId()));
        // The turning process ends with its turn, as the CLI does: its lease goes then.
        CompletableFuture<Void> ended = turn.thenRun(turning::close);

        sessions.destroy(s.sessionId());

        ended.join();
        assertThat(turn.join().result().succeeded()).isTrue();
        assertThat(emulator.liveResources()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_turn_whose_record_cannot_be_written_at_its_end_is_reported_finished_with_the_store_failure() {
        Session s = created();
        AtomicBoolean broken = new AtomicBoolean();
        Sessions onBrokenStore = new Sessions(fly, new FailingStore(store, broken), Duration.ofSeconds(10));

        TurnResult t = onBrokenStore.turn(
                s.sessionId(), turn("two").withOnLine(line -> broken.set(true))); // the store fails once the turn runs

        assertThat(t.result().succeeded()).isTrue();
        assertThat(t.storeFailure()).contains("disk full");
        assertThat(store.find(s.sessionId()).orElseThrow().state())
                .as("the store could not catch up yet: a reap will")
                .isEqualTo(SessionState.RUNNING);
    }

    @Test
    void a_create_whose_record_cannot_be_written_after_a_good_first_turn_says_the_turn_succeeded() {
        AtomicBoolean broken = new AtomicBoolean();
        Sessions onBrokenStore = new Sessions(fly, new FailingStore(store, broken), Duration.ofSeconds(10));

        assertThatThrownBy(() -> onBrokenStore.create(
                        APP,
                        config("first"),
                        SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT),
                        line -> broken.set(true))) // the store fails once the first turn runs
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining(
                        "succeeded, but the session store could not record the session, so it was rolled back");
        assertThat(emulator.liveResources()).isEmpty();
    }

    @Test
    void a_turn_the_store_refuses_before_it_starts_leaves_no_lease_behind() {
        Session s = created();
        AtomicBoolean broken = new AtomicBoolean(true);
        Sessions onBrokenStore = new Sessions(fly, new FailingStore(store, broken), Duration.ofSeconds(10));

        assertThatThrownBy(() -> onBrokenStore.turn(s, turn("two"))).isInstanceOf(SessionStoreException.class);

        assertThat(fly.machines(APP).findLease(s.machineId())).isEmpty();
        assertThat(sessions.turn(s.sessionId(), turn("three")).result().succeeded())
                .isTrue();
    }

    /** A store whose writes fail (as a full disk's do) while {@code broken} is set. */
    private record FailingStore(SessionStore inner, AtomicBoolean broken) implements SessionStore {
        @Override
        public void save(Session session) {
            fail();
            inner.save(session);
        }

        @Override
        public boolean update(Session session) {
            fail();
            return inner.update(session);
        }

        @Override
        public Optional<Session> find(String sessionId) {
            return inner.find(sessionId);
        }

        @Override
        public List<Session> list() {
            return inner.list();
        }

        @Override
        public void delete(String sessionId) {
            fail();
            inner.delete(sessionId);
        }

        private void fail() {
            if (broken.get()) {
                throw new SessionStoreException("session store: [SQLITE_FULL] disk full", null);
            }
        }
    }
}

package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.agent.internal.AgentMachineConfig;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.VolumeListOptions;
import io.flaude.fly.VolumeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReaperTest extends AgentTestBase {
    private Session expiredSession() {
        return sessions.create(
                        APP,
                        config("first"),
                        SessionOptions.DEFAULTS.withTtl(Duration.ofMillis(1)).withTurnTimeout(TIMEOUT))
                .session();
    }

    /** A session volume and a session machine that no record names, as another store's (or a lost one's). */
    private void unrecordedSession() {
        fly.volumes(APP)
                .create(VolumeSpec.builder().name("flaude_s_0123456789abcdef").build());
        fly.machines(APP)
                .create(AgentMachineConfig.of(
                        config("other", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "0")).toBuilder()
                                .autoDestroy(false)
                                .sessionId("01234567-89ab-4def-8123-456789abcdef")
                                .build(),
                        "FLAUDE_S_0123456789ABCDEF"));
    }

    private void orphans() {
        fly.volumes(APP)
                .create(VolumeSpec.builder().name("flaude_s_0123456789abcdef").build());
        MachineConfig lost = AgentMachineConfig.of(
                config("lost", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "0")).toBuilder()
                        .autoDestroy(false)
                        .build(),
                "FLAUDE_R_0123456789ABCDEF");
        fly.machines(APP).create(lost);
    }

    @Test
    void a_dry_run_reports_expired_sessions_and_orphans_and_destroys_nothing() {
        Session s = expiredSession();
        orphans();

        List<ReapAction> actions = sessions.planReap(APP, Duration.ZERO);

        assertThat(actions)
                .extracting(ReapAction::kind, ReapAction::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(ReapAction.Kind.SESSION, "expired: ttl"),
                        org.assertj.core.groups.Tuple.tuple(
                                ReapAction.Kind.VOLUME, "orphan: session volume with no recorded session"),
                        org.assertj.core.groups.Tuple.tuple(
                                ReapAction.Kind.MACHINE,
                                "orphan: one-shot machine whose run is no longer live (no lease)"));
        assertThat(actions).noneMatch(ReapAction::done);
        assertThat(store.find(s.sessionId())).isPresent();
        assertThat(fly.volumes(APP).list(VolumeListOptions.LIVE)).hasSize(2);
    }

    @Test
    void reaping_destroys_what_the_dry_run_reported() {
        expiredSession();
        orphans();

        List<ReapAction> actions = sessions.reap(APP, Duration.ZERO);

        assertThat(actions).hasSize(3).allMatch(ReapAction::done);
        assertThat(store.list()).isEmpty();
        assertThat(fly.volumes(APP).list(VolumeListOptions.LIVE)).isEmpty();
        assertThat(liveMachines()).isEmpty();
    }

    @Test
    void live_sessions_and_young_unrecorded_sessions_are_kept() {
        Session live = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        unrecordedSession();

        assertThat(sessions.reap(APP, Duration.ofHours(1))).isEmpty();
        assertThat(store.find(live.sessionId())).isPresent();
        assertThat(liveMachines()).hasSize(2);
    }

    @Test
    void a_one_shot_machine_whose_run_holds_no_lease_is_destroyed_without_waiting_for_the_grace() {
        orphans();

        List<ReapAction> actions = sessions.reap(APP, Duration.ofHours(1));

        assertThat(actions)
                .filteredOn(a -> a.kind() == ReapAction.Kind.MACHINE)
                .singleElement()
                .satisfies(a -> assertThat(a.done()).isTrue());
        assertThat(liveMachines()).isEmpty();
    }

    @Test
    void a_session_whose_machine_is_gone_is_reaped_with_its_volume() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        emulator.loseMachineForTest(APP, s.machineId());

        List<ReapAction> actions = sessions.reap(APP, Duration.ofHours(1));

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo(ReapAction.Step.DESTROY);
            assertThat(a.reason()).contains("machine " + s.machineId() + " is gone");
            assertThat(a.done()).isTrue();
        });
        assertThat(store.find(s.sessionId())).isEmpty();
        assertThat(fly.volumes(APP).list(VolumeListOptions.LIVE)).isEmpty();
    }

    @Test
    void an_abandoned_turn_is_reported_as_set_idle_not_destroyed() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        store.save(s.withState(SessionState.RUNNING));

        List<ReapAction> actions = sessions.reap(APP, Duration.ZERO);

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo(ReapAction.Step.SET_IDLE);
            assertThat(a.done()).isTrue();
        });
        assertThat(sessions.get(s.sessionId()).state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void the_records_of_an_app_that_no_longer_exists_are_dropped() {
        store.save(Session.builder("00000000-0000-4000-8000-000000000001", "gone-app")
                .state(SessionState.FAILED)
                .build());

        List<ReapAction> actions = sessions.reap("gone-app", Duration.ofHours(1));

        assertThat(actions).singleElement().satisfies(a -> assertThat(a.done()).isTrue());
        assertThat(store.list()).isEmpty();
    }
}

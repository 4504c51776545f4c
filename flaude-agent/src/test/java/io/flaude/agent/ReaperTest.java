package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.fly.MachineConfig;
import io.flaude.fly.VolumeListOptions;
import io.flaude.fly.VolumeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReaperTest extends AgentTestBase {
    private Session expiredSession() {
        return sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTtl(Duration.ofMillis(1))
                .withTurnTimeout(TIMEOUT)).session();
    }

    private void orphans() {
        fly.volumes(APP).create(VolumeSpec.builder().name("flaude_s_0123456789abcdef").build());
        MachineConfig lost = config("lost", Map.of("FLAUDE_EMULATOR_SLEEP_MS", "0")).toBuilder().autoDestroy(false).build()
                .toMachineConfig("FLAUDE_R_0123456789ABCDEF");
        fly.machines(APP).create(lost);
    }

    @Test
    void a_dry_run_reports_expired_sessions_and_orphans_and_destroys_nothing() {
        Session s = expiredSession();
        orphans();

        List<ReapAction> actions = sessions.planReap(APP, Duration.ZERO);

        assertThat(actions).extracting(ReapAction::kind, ReapAction::reason).contains(
                org.assertj.core.groups.Tuple.tuple(ReapAction.Kind.SESSION, "expired: ttl"),
                org.assertj.core.groups.Tuple.tuple(ReapAction.Kind.VOLUME, "orphan: session volume with no live session"),
                org.assertj.core.groups.Tuple.tuple(ReapAction.Kind.MACHINE, "orphan: one-shot machine left behind"));
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
    void live_sessions_and_young_orphans_are_kept() {
        Session live = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT)).session();
        orphans();

        assertThat(sessions.reap(APP, Duration.ofHours(1))).isEmpty();
        assertThat(store.find(live.sessionId())).isPresent();
    }
}

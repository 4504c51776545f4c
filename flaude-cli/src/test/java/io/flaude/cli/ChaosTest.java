package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.cli.chaos.ChaosRun;
import io.flaude.emulator.FaultKind;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many sessions and runs under seeded random faults (15 % of all requests, or 15 % answers lost after
 * the request took effect): nothing is left that no live session owns, nothing is made twice, every
 * failure is typed, and after destroying what is left the emulator holds nothing.
 */
class ChaosTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void under_random_faults_nothing_leaks_and_nothing_is_made_twice(long seed) throws InterruptedException {
        ChaosRun.Report r = ChaosRun.run(new ChaosRun.Settings(8, 4, 0.15, Map.of(), seed, 6));

        assertReportIsClean(r);
        assertThat(r.injected().values().stream().mapToLong(Long::longValue).sum())
                .as("faults were injected")
                .isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22})
    void when_answers_are_lost_after_they_took_effect_nothing_is_made_twice(long seed) throws InterruptedException {
        ChaosRun.Report r = ChaosRun.run(new ChaosRun.Settings(8, 4, 0, Map.of(FaultKind.RESET_AFTER, 0.15), seed, 6));

        assertReportIsClean(r);
        assertThat(r.injected()).containsKey(FaultKind.RESET_AFTER);
    }

    private static void assertReportIsClean(ChaosRun.Report r) {
        assertThat(r.untypedFailures())
                .as("every failure is a typed FlyException")
                .isEmpty();
        assertThat(r.leftOwnerless()).as("left without a live session").isEmpty();
        assertThat(r.duplicates()).as("made twice").isEmpty();
        assertThat(r.leftAtEnd()).as("left after destroying every session").isEmpty();
        assertThat(r.operations()).isEqualTo(8 * 4 + 4);
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@FlyEmulatorTest(detachDelayMs = 0)
class FlyEmulatorExtensionTest {
    private FlyEmulator field;
    private FlyEmulator fromBeforeEach;

    @BeforeEach
    void remember(FlyEmulator fly) {
        fromBeforeEach = fly;
    }

    @Test
    void a_test_gets_one_started_emulator_in_its_field_its_parameter_and_its_before_each(FlyEmulator fly) {
        assertThat(fly).isSameAs(fromBeforeEach).isSameAs(field);
        assertThat(new Api(fly).get("/v1/apps?org_slug=personal").statusCode()).isEqualTo(200);
    }

    @Test
    void each_test_gets_a_fresh_emulator_and_the_last_one_is_closed_after_its_test() {
        Events events = run(TwoTests.class);

        events.assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(TwoTests.seen).hasSize(2).doesNotHaveDuplicates();
        Api stale = new Api(TwoTests.seen.get(0)).freshClient();
        assertThatThrownBy(() -> stale.sendOrThrow("GET", "/v1/apps?org_slug=personal", null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void a_test_that_leaves_a_live_volume_fails_when_nothing_live_is_required() {
        Events events = run(LeavesAVolume.class);

        events.assertStatistics(s -> s.failed(1));
        assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse("")))
                .singleElement()
                .asString()
                .contains("1 live resource")
                .contains("volume vol_");
    }

    @Test
    void a_test_that_cleans_up_passes_when_nothing_live_is_required() {
        run(CleansUp.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Nested
    class Nested_tests {
        @Test
        void see_the_outer_field_and_the_class_settings(FlyEmulator fly) {
            assertThat(fly).isSameAs(field);
        }
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    @FlyEmulatorTest
    static class TwoTests {
        static final List<FlyEmulator> seen = new ArrayList<>();
        FlyEmulator fly;

        @Test
        void one() {
            seen.add(fly);
        }

        @Test
        void two() {
            seen.add(fly);
        }
    }

    @FlyEmulatorTest(requireNothingLive = true)
    static class LeavesAVolume {
        FlyEmulator fly;

        @Test
        void leaves_one() {
            Api api = new Api(fly);
            api.post("/v1/apps", "{\"name\":\"leaky\",\"org_slug\":\"personal\"}");
            api.post("/v1/apps/leaky/volumes", "{\"name\":\"left\",\"region\":\"iad\",\"size_gb\":1}");
        }
    }

    @FlyEmulatorTest(requireNothingLive = true)
    static class CleansUp {
        FlyEmulator fly;

        @Test
        void destroys_what_it_made() {
            Api api = new Api(fly);
            api.post("/v1/apps", "{\"name\":\"tidy\",\"org_slug\":\"personal\"}");
            String id = Api.json(
                            api.post("/v1/apps/tidy/volumes", "{\"name\":\"gone\",\"region\":\"iad\",\"size_gb\":1}"))
                    .path("id")
                    .stringValue();
            api.delete("/v1/apps/tidy/volumes/" + id);
        }
    }
}

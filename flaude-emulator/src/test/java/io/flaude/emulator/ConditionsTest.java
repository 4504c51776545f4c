package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Latency, Fly's rate limits and seeded random faults, as a raw HTTP client meets them. */
class ConditionsTest extends EmulatorTestBase {
    private static final String APP = "slow-app";
    private static final String VOLUMES = "/v1/apps/" + APP + "/volumes";
    private static final String VOLUME = "{\"name\":\"data\",\"region\":\"iad\",\"size_gb\":1}";

    @Test
    void the_default_is_instant_unlimited_and_faultless() {
        Conditions c = fly.conditions();

        assertThat(c.minLatency()).isZero();
        assertThat(c.maxLatency()).isZero();
        assertThat(c.rateLimitsEnforced()).isFalse();
        assertThat(c.faultRates()).isEmpty();
    }

    @Test
    void a_latency_is_added_to_every_request() {
        api.createApp(APP);
        fly.conditions().latency(Duration.ofMillis(120));

        long t0 = System.nanoTime();
        assertThat(api.get(VOLUMES).statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    void the_fly_profile_draws_latency_between_20_and_80_ms_and_enforces_the_rate_limits() {
        fly.conditions().profile(Profile.FLY);

        assertThat(fly.conditions().minLatency()).isEqualTo(Duration.ofMillis(20));
        assertThat(fly.conditions().maxLatency()).isEqualTo(Duration.ofMillis(80));
        assertThat(fly.conditions().rateLimitsEnforced()).isTrue();
    }

    @Test
    void over_the_limit_an_action_gets_flys_429_without_retry_after() {
        api.createApp(APP);
        fly.conditions().rateLimits(true);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api.get(VOLUMES).statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429);
        var refused = fly.journal().last();
        assertThat(refused.responseBody()).isEqualTo("{\"error\":\"resource_exhausted: rate limit exceeded\"}");
        assertThat(refused.responseHeaders()).doesNotContainKey("retry-after");
        assertThat(fly.conditions().refusedByRateLimits()).isEqualTo(1);
    }

    @Test
    void an_option_adds_retry_after_to_the_429() {
        api.createApp(APP);
        fly.conditions().rateLimits(true).retryAfter(Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) {
            api.get(VOLUMES);
        }

        var refused = api.get(VOLUMES);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("retry-after")).contains("2");
    }

    @Test
    void each_action_and_each_app_has_its_own_bucket_and_it_refills_at_one_per_second() {
        api.createApp(APP);
        api.createApp("other-app");
        fly.conditions().rateLimits(true);
        for (int i = 0; i < 3; i++) {
            api.get(VOLUMES);
        }

        assertThat(api.get(VOLUMES).statusCode()).isEqualTo(429);
        assertThat(api.get("/v1/apps/other-app/volumes").statusCode())
                .as("another app")
                .isEqualTo(200);
        assertThat(api.get("/v1/apps/" + APP + "/machines").statusCode())
                .as("another action")
                .isEqualTo(200);
        Api.sleep(Duration.ofMillis(1100));
        assertThat(api.get(VOLUMES).statusCode()).as("a second later").isEqualTo(200);
    }

    @Test
    void getting_a_machine_allows_bursts_of_10() {
        api.createApp(APP);
        fly.conditions().rateLimits(true);
        String path = "/v1/apps/" + APP + "/machines/0123456789abcd";

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(api.get(path).statusCode());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(404);
        assertThat(statuses.get(10)).isEqualTo(429);
    }

    @Test
    void the_same_seed_gives_the_same_faults_in_the_same_order() {
        api.createApp(APP);
        List<Integer> first = statusesWith(7);
        List<Integer> again = statusesWith(7);

        assertThat(again).isEqualTo(first);
        assertThat(first).contains(500).contains(200);
        assertThat(statusesWith(8)).isNotEqualTo(first);
    }

    private List<Integer> statusesWith(long seed) {
        fly.conditions().seed(seed).randomFaults(Map.of(FaultKind.SERVER_ERROR, 0.5));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(api.get(VOLUMES).statusCode());
        }
        fly.conditions().randomFaults(Map.of());
        return statuses;
    }

    @Test
    void a_5xx_fault_does_not_apply_the_request_and_is_counted() {
        api.createApp(APP);
        fly.conditions().randomFaults(Map.of(FaultKind.UNAVAILABLE, 1.0));

        var answer = api.post(VOLUMES, VOLUME);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(Api.json(answer).path("error").stringValue()).startsWith("unavailable");
        fly.conditions().randomFaults(Map.of());
        assertThat(Api.json(api.get(VOLUMES))).isEmpty();
        assertThat(fly.conditions().injected()).containsEntry(FaultKind.UNAVAILABLE, 1L);
    }

    @Test
    void a_reset_before_the_request_applies_nothing() {
        api.createApp(APP);
        fly.conditions().randomFaults(Map.of(FaultKind.RESET_BEFORE, 1.0));

        assertThatThrownBy(() -> api.sendOrThrow("POST", VOLUMES, VOLUME)).isInstanceOf(IOException.class);

        fly.conditions().randomFaults(Map.of());
        assertThat(Api.json(api.get(VOLUMES))).isEmpty();
    }

    @Test
    void a_reset_after_the_request_applies_it_and_the_client_never_hears() {
        api.createApp(APP);
        fly.conditions().randomFaults(Map.of(FaultKind.RESET_AFTER, 1.0));

        assertThatThrownBy(() -> api.sendOrThrow("POST", VOLUMES, VOLUME)).isInstanceOf(IOException.class);

        fly.conditions().randomFaults(Map.of());
        assertThat(Api.json(api.get(VOLUMES))).hasSize(1);
        Exchange lost = fly.journal().matching("POST", "/v1/apps/*/volumes").get(0);
        assertThat(lost.status()).isZero();
        assertThat(lost.responseBody()).as("the answer that was never sent").contains("\"id\":\"vol_");
    }

    @Test
    void a_slow_fault_answers_after_at_least_a_second() {
        api.createApp(APP);
        fly.conditions().randomFaults(Map.of(FaultKind.SLOW, 1.0));

        long t0 = System.nanoTime();
        assertThat(api.get(VOLUMES).statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_fault_rate_spread_over_all_kinds_and_rates_above_one_are_refused() {
        fly.conditions().randomFaults(0.7);

        assertThat(fly.conditions().faultRates())
                .hasSize(FaultKind.values().length)
                .allSatisfy((kind, rate) -> assertThat(rate).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9)));
        assertThatThrownBy(() -> fly.conditions().randomFaults(Map.of(FaultKind.SLOW, 0.6, FaultKind.BAD_GATEWAY, 0.6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 1");
    }

    @Test
    void the_builder_sets_the_profile_and_the_faults() {
        try (FlyEmulator hard = FlyEmulator.builder()
                .profile(Profile.FLY)
                .randomFaults(0.1)
                .seed(7)
                .start()) {
            assertThat(hard.conditions().rateLimitsEnforced()).isTrue();
            assertThat(hard.conditions().seed()).isEqualTo(7);
            assertThat(hard.conditions().faultRates().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}

package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RetryPolicy.standard(): what is safe to repeat is repeated, a create whose fate is unknown never is. */
class RetryPolicyTest extends EmulatorTestBase {
    private static final RetryPolicy QUICK = RetryPolicy.exponential(6, Duration.ofMillis(1), Duration.ofMillis(4));

    private FlyClient retrying() {
        return client().retryPolicy(QUICK).build();
    }

    @Test
    void a_get_answered_503_is_repeated_until_it_succeeds() {
        emulator.faults()
                .script(
                        "GET",
                        "/v1/apps/*/volumes",
                        Fault.status(503, "{\"error\":\"unavailable\"}"),
                        Fault.status(502, "{}"));

        try (FlyClient fly = retrying()) {
            assertThat(fly.volumes(APP).list()).isEmpty();
        }
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/volumes"))
                .extracting(e -> e.status())
                .containsExactly(503, 502, 200);
    }

    @Test
    void a_create_answered_503_is_looked_up_first_and_tried_again_only_because_it_made_nothing() {
        emulator.faults().script("POST", "/v1/apps/*/volumes", Fault.status(503, "{\"error\":\"unavailable\"}"));

        try (FlyClient fly = retrying()) {
            fly.volumes(APP).create();
        }
        assertThat(emulator.journal().exchanges())
                .extracting(e -> e.method() + " " + e.status())
                .containsExactly("POST 503", "GET 200", "POST 200");
        assertThat(volumes().list()).hasSize(1);
    }

    @Test
    void a_volume_create_whose_answer_was_lost_after_it_took_effect_is_adopted_not_made_twice() {
        emulator.faults().script("POST", "/v1/apps/*/volumes", Fault.dropAfterApplying());

        Volume adopted;
        try (FlyClient fly = retrying()) {
            adopted = fly.volumes(APP)
                    .create(VolumeSpec.builder().name("unique_name").build());
        }
        assertThat(volumes().list()).singleElement().satisfies(v -> assertThat(v.id())
                .isEqualTo(adopted.id()));
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/volumes")).hasSize(1);
    }

    @Test
    void a_machine_create_whose_answer_was_lost_is_found_by_its_create_id_and_adopted() {
        emulator.faults().script("POST", "/v1/apps/*/machines", Fault.dropAfterApplying());

        Machine adopted;
        try (FlyClient fly = retrying()) {
            adopted = fly.machines(APP).create(MachineConfig.builder("nginx").build(), "iad");
        }
        assertThat(fly.machines(APP).list()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(adopted.id());
            assertThat(m.metadata(Machines.CREATE_ID)).isPresent();
        });
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines")).hasSize(1);
    }

    @Test
    void an_app_create_whose_answer_was_lost_is_adopted() {
        emulator.faults().script("POST", "/v1/apps", Fault.dropAfterApplying());

        try (FlyClient fly = retrying()) {
            assertThat(fly.apps().create("lost-answer", Apps.DEFAULT_ORG).name())
                    .isEqualTo("lost-answer");
        }
        assertThat(emulator.journal().matching("POST", "/v1/apps")).hasSize(1);
    }

    @Test
    void a_create_refused_with_a_4xx_is_neither_looked_up_nor_repeated() {
        try (FlyClient fly = retrying()) {
            assertThatThrownBy(() -> fly.volumes(APP)
                            .create(VolumeSpec.builder().sizeGb(1).build().toBuilder()
                                    .snapshotId("vs_doesnotexist0000000000")
                                    .build()))
                    .isInstanceOf(FlyApiException.class);
        }
        assertThat(emulator.journal().exchanges()).extracting(e -> e.method()).containsExactly("POST");
    }

    @Test
    void the_client_retries_by_default_and_none_turns_it_off() {
        emulator.faults().script("GET", "/v1/apps/*/volumes", Fault.status(503, "{}"));
        assertThat(fly.volumes(APP).list()).isEmpty();

        emulator.faults().script("GET", "/v1/apps/*/volumes", Fault.status(503, "{}"));
        try (FlyClient plain = client().retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> plain.volumes(APP).list()).isInstanceOf(FlyServerException.class);
        }
        assertThat(fly.metrics().retries()).isEqualTo(1);
    }

    @Test
    void a_create_answered_429_is_repeated_because_fly_refused_it() {
        emulator.faults().script("POST", "/v1/apps/*/volumes", Fault.rateLimited());

        try (FlyClient fly = retrying()) {
            fly.volumes(APP).create();
        }
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/volumes"))
                .extracting(e -> e.status())
                .containsExactly(429, 200);
        assertThat(volumes().list()).hasSize(1);
    }

    @Test
    void a_dropped_get_is_repeated_and_a_create_dropped_before_it_took_effect_is_tried_again() {
        emulator.faults().script("GET", "/v1/apps/*/volumes", Fault.drop(), Fault.drop(), Fault.drop());
        emulator.faults().script("POST", "/v1/apps/*/volumes", Fault.drop());

        try (FlyClient fly = retrying()) {
            assertThat(fly.volumes(APP).list()).isEmpty();
            fly.volumes(APP).create();
        }
        assertThat(volumes().list()).hasSize(1);
    }

    @Test
    void it_gives_up_after_the_last_attempt_with_the_last_failure() {
        Fault[] always = new Fault[6];
        java.util.Arrays.fill(always, Fault.status(503, "{\"error\":\"still down\"}"));
        emulator.faults().script("GET", "/v1/apps/*/volumes", always);

        try (FlyClient fly = retrying()) {
            assertThatThrownBy(() -> fly.volumes(APP).list())
                    .isInstanceOf(FlyServerException.class)
                    .hasMessageContaining("still down");
        }
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/volumes")).hasSize(6);
    }

    @Test
    void a_404_or_a_validation_error_is_never_repeated() {
        try (FlyClient fly = retrying()) {
            assertThatThrownBy(() -> fly.volumes(APP).get("vol_doesnotexist0000"))
                    .isInstanceOf(FlyNotFoundException.class);
        }
        assertThat(emulator.journal().exchanges()).hasSize(1);
    }

    @Test
    void the_policy_reads_each_failures_own_classification() {
        RetryPolicy standard = RetryPolicy.standard();
        var notImplemented = new FlyServerException(new FlyError(501, "x", "GET", "u", null, null), null);
        var capacity =
                new FlyCapacityException(new FlyError(412, "insufficient resources", "GET", "u", null, null), null);
        var timedOut = new FlyApiException(new FlyError(408, "x", "GET", "u", null, null), null);
        var unresolvable = new FlyTransportException("GET", "u", "cannot resolve host", null, false);

        assertThat(standard.retryDelay(1, notImplemented, true)).as("501").isEmpty();
        assertThat(standard.retryDelay(1, capacity, true))
                .as("capacity: the caller waits, not the transport")
                .isEmpty();
        assertThat(standard.retryDelay(1, timedOut, true)).as("408").isPresent();
        assertThat(standard.retryDelay(1, unresolvable, true))
                .as("unresolvable host")
                .isEmpty();
        assertThat(capacity.retryable()).isTrue();
        assertThat(notImplemented.retryable()).isFalse();
    }

    @Test
    void retry_after_wins_over_the_backoff_and_the_backoff_is_capped() {
        FlyError e = new FlyError(429, "rate limit exceeded", "GET", "u", null, null);
        var limited = new FlyRateLimitedException(e, Duration.ofSeconds(3), null);
        var unavailable = new FlyServerException(new FlyError(503, "x", "GET", "u", null, null), null);
        RetryPolicy standard = RetryPolicy.standard();

        assertThat(standard.retryDelay(1, limited, false)).contains(Duration.ofSeconds(3));
        assertThat(standard.retryDelay(5, unavailable, true))
                .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4)));
        assertThat(standard.retryDelay(6, unavailable, true)).isEmpty();
        assertThat(standard.retryDelay(1, unavailable, false)).isEmpty();
    }

    @Test
    void under_flys_rate_limits_the_default_budget_queues_requests_so_none_draws_a_429() {
        emulator.conditions().rateLimits(true);

        try (FlyClient fly = client().rateBudget(RateBudget.fly()).build()) {
            for (int i = 0; i < 5; i++) {
                fly.volumes(APP).list();
            }
            assertThat(fly.metrics().budgetWaits()).isEqualTo(2);
        }
        assertThat(emulator.conditions().refusedByRateLimits()).isZero();
    }

    @Test
    void under_flys_rate_limits_a_burst_of_reads_gets_through_on_retries_alone() {
        emulator.conditions().rateLimits(true);

        try (FlyClient fly = client().rateBudget(RateBudget.unlimited())
                .retryPolicy(RetryPolicy.standard())
                .build()) {
            for (int i = 0; i < 5; i++) {
                fly.volumes(APP).list();
            }
        }
        assertThat(emulator.conditions().refusedByRateLimits()).isPositive();
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/volumes").stream()
                        .filter(e -> e.status() == 200))
                .hasSize(5);
    }
}

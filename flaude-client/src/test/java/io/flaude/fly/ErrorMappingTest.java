package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fly's error answers become typed exceptions that keep status, message, method, URL and request id. */
class ErrorMappingTest extends EmulatorTestBase {

    /** One failure, one exception: what each answer maps to, without the retries that would hide it. */
    @Override
    FlyClient.Builder configure(FlyClient.Builder builder) {
        return builder.retryPolicy(RetryPolicy.none());
    }

    private FlyException failureOf(Fault... faults) {
        emulator.faults().script("GET", "/v1/apps/*/volumes", faults);
        try {
            volumes().list();
        } catch (FlyException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }

    private FlyApiException apiFailureOf(Fault... faults) {
        FlyException e = failureOf(faults);
        assertThat(e).as("Fly answered, so the error is on the API branch").isInstanceOf(FlyApiException.class);
        return (FlyApiException) e;
    }

    @Test
    void the_message_reads_status_method_url_and_detail() {
        FlyApiException e = apiFailureOf(Fault.status(400, "{\"error\":\"invalid_argument: bad\"}"));

        assertThat(e.getMessage())
                .isEqualTo("Fly API error 400 GET " + emulator.baseUri()
                        + "/v1/apps/test-app/volumes: invalid_argument: bad");
        assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void message_wins_over_error_and_the_fly_status_code_is_kept() {
        FlyApiException e = apiFailureOf(
                Fault.status(422, "{\"error\":\"short\",\"message\":\"the long story\",\"status\":\"name_taken\"}"));

        assertThat(e.detail()).isEqualTo("the long story");
        assertThat(e.flyStatus()).contains("name_taken");
    }

    @Test
    void a_body_that_is_not_json_is_kept_raw() {
        assertThat(apiFailureOf(Fault.status(502, "<html>Bad Gateway</html>")).detail())
                .isEqualTo("<html>Bad Gateway</html>");
    }

    @Test
    void statuses_map_to_their_typed_exceptions() {
        assertThat(failureOf(Fault.status(404, "{\"error\":\"app not found\"}")))
                .isInstanceOf(FlyNotFoundException.class);
        assertThat(failureOf(Fault.status(401, "{\"error\":\"Authenticate: token validation error\"}")))
                .isInstanceOf(FlyUnauthorizedException.class);
        assertThat(failureOf(Fault.status(409, "{\"error\":\"aborted: lease currently held\"}")))
                .isExactlyInstanceOf(FlyConflictException.class);
        assertThat(failureOf(Fault.status(503, "{\"error\":\"unavailable\"}")))
                .isInstanceOf(FlyServerException.class)
                .satisfies(e -> assertThat(((FlyException) e).retryable()).isTrue());
    }

    @Test
    void a_412_bound_volume_is_recognised_from_the_message() {
        FlyApiException e = apiFailureOf(Fault.status(
                412, "{\"error\":\"failed_precondition: volume is currently bound to machine: 3d8d413b29d089\"}"));

        assertThat(e).isInstanceOfSatisfying(FlyVolumeBoundException.class, b -> assertThat(b.machineId())
                .contains("3d8d413b29d089"));
    }

    @Test
    void a_429_or_a_rate_limit_message_is_rate_limited_and_retryable() {
        assertThat(failureOf(Fault.rateLimited())).isInstanceOf(FlyRateLimitedException.class);
        FlyApiException e = apiFailureOf(
                Fault.status(400, "{\"error\":\"failed to launch VM: resource_exhausted: rate limit exceeded\"}"));
        assertThat(e).isInstanceOf(FlyRateLimitedException.class);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void capacity_statuses_are_capacity_errors() {
        assertThat(failureOf(Fault.status(412, "{\"error\":\"no room\",\"status\":\"insufficient_capacity\"}")))
                .isInstanceOf(FlyCapacityException.class);
        assertThat(failureOf(Fault.status(422, "{\"error\":\"no room\",\"status\":\"volume_placement_capacity\"}")))
                .isInstanceOf(FlyCapacityException.class);
        assertThat(failureOf(Fault.status(
                        412, "{\"error\":\"insufficient resources to create new machine with existing volume\"}")))
                .isInstanceOf(FlyCapacityException.class);
    }

    @Test
    void a_dropped_connection_is_a_client_side_transport_error_not_an_api_answer() {
        emulator.faults().script("POST", "/v1/apps/*/volumes", Fault.drop());

        assertThatThrownBy(() -> volumes().create()).isInstanceOfSatisfying(FlyTransportException.class, e -> {
            assertThat(e).isInstanceOf(FlyClientException.class).isNotInstanceOf(FlyApiException.class);
            assertThat(e.method()).isEqualTo("POST");
            assertThat(e.retryable()).isTrue();
        });
        assertThat(volumes().list())
                .as("a create whose answer was lost is not repeated")
                .isEmpty();
    }

    @Test
    void a_get_whose_connection_dropped_once_is_repeated_by_the_jdk_client() {
        emulator.faults().script("GET", "/v1/apps/*/volumes", Fault.drop());

        assertThat(volumes().list()).isEmpty();
        assertThat(emulator.journal().matching("GET", "/v1/apps/*/volumes"))
                .extracting(e -> e.status())
                .containsExactly(0, 200);
    }

    @Test
    void a_get_dropped_twice_is_a_transport_error() {
        assertThat(failureOf(Fault.drop(), Fault.drop())).isInstanceOf(FlyTransportException.class);
    }

    @Test
    void an_answer_slower_than_the_request_timeout_is_a_transport_error() {
        try (FlyClient impatient = client().retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofMillis(200))
                .build()) {
            emulator.faults().script("GET", "/v1/apps/*/volumes", Fault.delay(Duration.ofSeconds(2)));

            assertThatThrownBy(() -> impatient.volumes(APP).list())
                    .isInstanceOfSatisfying(FlyTransportException.class, e -> assertThat(e.getMessage())
                            .contains("no answer within"));
        }
    }

    @Test
    void the_token_echoed_by_a_server_is_cut_out_of_the_message() {
        FlyApiException e = apiFailureOf(Fault.status(400, "{\"error\":\"bad token " + emulator.token() + "\"}"));

        assertThat(e.getMessage()).doesNotContain(emulator.token()).contains("<redacted>");
    }

    @Test
    void a_retry_policy_is_asked_after_each_failure() {
        java.util.List<Integer> attempts = new java.util.ArrayList<>();
        try (FlyClient retrying = client().retryPolicy((attempt, failure, idempotent) -> {
                    attempts.add(attempt);
                    return failure.retryable() && attempt < 3
                            ? java.util.Optional.of(Duration.ofMillis(1))
                            : java.util.Optional.empty();
                })
                .build()) {
            emulator.faults().script("GET", "/v1/apps/*/volumes", Fault.status(503, "{}"), Fault.status(503, "{}"));

            assertThat(retrying.volumes(APP).list()).isEmpty();
        }
        assertThat(attempts).containsExactly(1, 2);
    }
}

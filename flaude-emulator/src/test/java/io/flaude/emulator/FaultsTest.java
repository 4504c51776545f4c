package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest extends EmulatorTestBase {
    private static final String VOLUMES = "/v1/apps/my-app/volumes";
    private static final String VOLUME = "{\"name\":\"data\",\"region\":\"ord\"}";

    @BeforeEach
    void createApp() {
        api.createApp("my-app");
    }

    @Test
    void a_status_fault_answers_once_without_applying_the_request_then_normal_service_resumes() {
        fly.faults().script("POST", "/v1/apps/*/volumes", Fault.status(503, "{\"error\":\"unavailable\"}"));

        var faulted = api.post(VOLUMES, VOLUME);

        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.body()).isEqualTo("{\"error\":\"unavailable\"}");
        assertThat(faulted.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(Api.json(api.get(VOLUMES)).size()).isZero();
        assertThat(api.post(VOLUMES, VOLUME).statusCode()).isEqualTo(200);
    }

    @Test
    void scripted_faults_are_used_in_order() {
        fly.faults().script("POST", VOLUMES, Fault.status(500, "{\"error\":\"a\"}"), Fault.rateLimited());

        assertThat(api.post(VOLUMES, VOLUME).statusCode()).isEqualTo(500);
        var limited = api.post(VOLUMES, VOLUME);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Api.json(limited).get("error").stringValue()).isEqualTo("rate limit exceeded");
        assertThat(api.post(VOLUMES, VOLUME).statusCode()).isEqualTo(200);
    }

    @Test
    void the_faults_left_of_a_script_count_down_as_its_requests_arrive() {
        fly.faults().script("POST", "/v1/apps/*/volumes", Fault.status(500, "{\"error\":\"a\"}"), Fault.rateLimited());

        assertThat(fly.faults().remaining("POST", "/v1/apps/*/volumes")).isEqualTo(2);
        api.post(VOLUMES, VOLUME);
        assertThat(fly.faults().remaining("POST", "/v1/apps/*/volumes")).isEqualTo(1);
        assertThat(fly.faults().remaining("GET", "/v1/apps/*/volumes")).isZero();
        api.post(VOLUMES, VOLUME);
        assertThat(fly.faults().remaining("POST", "/v1/apps/*/volumes")).isZero();
    }

    @Test
    void a_fault_applies_only_to_matching_method_and_path() {
        fly.faults().script("POST", "/v1/apps/*/volumes", Fault.rateLimited());

        assertThat(api.get(VOLUMES).statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/apps/my-app").statusCode()).isEqualTo(200);
        assertThat(api.post(VOLUMES, VOLUME).statusCode()).isEqualTo(429);
    }

    @Test
    void a_delay_fault_waits_then_serves_normally() {
        fly.faults().script("POST", VOLUMES, Fault.delay(Duration.ofMillis(200)));

        long start = System.nanoTime();
        var response = api.post(VOLUMES, VOLUME);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void after_puts_a_wait_before_the_fault() {
        fly.faults().script("GET", VOLUMES, Fault.rateLimited().after(Duration.ofMillis(150)));

        long start = System.nanoTime();
        var response = api.get(VOLUMES);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(response.statusCode()).isEqualTo(429);
    }

    @Test
    void a_drop_fault_closes_the_connection_without_a_response_then_normal_service_resumes() {
        fly.faults().script("POST", VOLUMES, Fault.drop());
        Api fresh = api.freshClient();

        assertThatThrownBy(() -> fresh.sendOrThrow("POST", VOLUMES, VOLUME)).isInstanceOf(IOException.class);
        assertThat(fly.journal().last().status()).isZero();
        assertThat(Api.json(api.get(VOLUMES)).size()).isZero();
        assertThat(fresh.post(VOLUMES, VOLUME).statusCode()).isEqualTo(200);
    }

    @Test
    void clear_forgets_faults_not_yet_used() {
        fly.faults().script("*", "/v1/apps/*", Fault.rateLimited());

        fly.faults().clear();

        assertThat(api.get("/v1/apps/my-app").statusCode()).isEqualTo(200);
    }
}

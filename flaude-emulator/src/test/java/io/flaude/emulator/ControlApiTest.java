package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The emulator's own HTTP API under /_emulator/, for clients in any language and for the CLI. */
class ControlApiTest extends EmulatorTestBase {

    @Test
    void conditions_are_read_and_set_over_http() {
        var set = api.put(
                "/_emulator/conditions",
                "{\"profile\":\"fly\",\"latency_ms\":5,\"fault_rates\":{\"slow\":0.0,\"server_error\":0.25},\"seed\":9}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode c = Api.json(api.get("/_emulator/conditions"));
        assertThat(c.path("rate_limits").asBoolean()).isTrue();
        assertThat(c.path("min_latency_ms").asLong()).isEqualTo(5);
        assertThat(c.path("seed").asLong()).isEqualTo(9);
        assertThat(c.path("fault_rates").path("server_error").asDouble()).isEqualTo(0.25);
        assertThat(fly.conditions().maxLatency()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void the_counters_show_what_was_injected() {
        api.createApp("a");
        api.put("/_emulator/conditions", "{\"fault_rates\":{\"bad_gateway\":1.0}}");
        api.get("/v1/apps/a/volumes");

        JsonNode c = Api.json(api.get("/_emulator/conditions"));

        assertThat(c.path("injected").path("bad_gateway").asLong()).isEqualTo(1);
        assertThat(c.path("injected").path("reset_after").asLong()).isZero();
    }

    @Test
    void faults_are_scripted_over_http_and_the_journal_is_read_and_cleared() {
        api.createApp("a");
        var scripted = api.post(
                "/_emulator/faults",
                "{\"method\":\"GET\",\"path\":\"/v1/apps/*/volumes\",\"faults\":[{\"status\":503,\"body\":{\"error\":\"later\"}}]}");
        assertThat(scripted.statusCode()).as(scripted.body()).isEqualTo(200);

        assertThat(api.get("/v1/apps/a/volumes").statusCode()).isEqualTo(503);
        assertThat(api.get("/v1/apps/a/volumes").statusCode()).isEqualTo(200);

        JsonNode journal = Api.json(api.get("/_emulator/journal"));
        assertThat(journal).extracting(e -> e.path("status").asInt()).containsExactly(201, 503, 200);
        assertThat(journal.get(1).path("operation").stringValue()).isEqualTo("Volumes_list");
        api.delete("/_emulator/journal");
        assertThat(Api.json(api.get("/_emulator/journal"))).isEmpty();
    }

    @Test
    void resources_and_reset() {
        api.createApp("a");
        api.createVolume("a");

        assertThat(Api.json(api.get("/_emulator/resources"))).singleElement().satisfies(r -> assertThat(r.stringValue())
                .startsWith("volume vol_"));
        api.put("/_emulator/conditions", "{\"rate_limits\":true}");
        assertThat(api.post("/_emulator/reset", "").statusCode()).isEqualTo(200);

        assertThat(Api.json(api.get("/_emulator/resources"))).isEmpty();
        assertThat(fly.conditions().rateLimitsEnforced()).isFalse();
        assertThat(api.get("/v1/apps/a").statusCode()).isEqualTo(404);
    }

    @Test
    void the_control_api_needs_no_token_is_not_journaled_and_is_never_faulted() {
        fly.conditions().randomFaults(1.0).rateLimits(true);
        Api anonymous = api.authorization(null);

        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.get("/_emulator/conditions").statusCode()).isEqualTo(200);
        }
        assertThat(fly.journal().exchanges()).isEmpty();
    }

    @Test
    void bad_input_and_unknown_paths_get_json_errors() {
        var bad = api.put("/_emulator/conditions", "{\"latency_ms\":\"fast\"}");
        var unknown = api.get("/_emulator/nothing");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Api.json(bad).path("error").stringValue()).contains("latency_ms must be a number");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Api.json(unknown).path("error").stringValue()).contains("conditions");
    }

    @Test
    void only_loopback_callers_are_served() throws Exception {
        assertThat(ControlApi.allowed(java.net.InetAddress.getByName("127.0.0.1")))
                .isTrue();
        assertThat(ControlApi.allowed(java.net.InetAddress.getByName("::1"))).isTrue();
        assertThat(ControlApi.allowed(java.net.InetAddress.getByAddress(new byte[] {10, 0, 0, 5})))
                .isFalse();
    }
}

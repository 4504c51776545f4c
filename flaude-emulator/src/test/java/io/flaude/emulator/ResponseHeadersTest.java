package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest extends EmulatorTestBase {
    @Test
    void every_response_carries_a_unique_lowercase_26_character_fly_request_id() {
        fly.faults().script("GET", "/v1/faulty", Fault.status(503, "{\"error\":\"unavailable\"}"));
        List<HttpResponse<String>> responses = List.of(
                api.post("/v1/apps", "{\"name\":\"my-app\",\"org_slug\":\"personal\"}"),
                api.get("/v1/apps/my-app"),
                api.delete("/v1/apps/my-app"),
                api.get("/v1/apps/my-app"),
                api.get("/v1/nowhere"),
                api.authorization(null).get("/v1/apps/my-app"),
                api.get("/v1/faulty"));

        var ids = new HashSet<String>();
        for (var response : responses) {
            String id = response.headers().firstValue("fly-request-id").orElseThrow();
            assertThat(id).matches("[0-9a-z]{26}");
            ids.add(id);
        }
        assertThat(ids).hasSize(responses.size());
    }

    @Test
    void a_response_without_a_body_has_no_content_type() {
        api.createApp("my-app");

        var response = api.delete("/v1/apps/my-app");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("content-type")).isEmpty();
    }
}

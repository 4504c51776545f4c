package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutingTest extends EmulatorTestBase {
    @Test
    void an_unknown_route_gets_404_not_found_and_no_operation() {
        var response = api.get("/v1/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("not found");
        assertThat(fly.journal().last().operation()).isNull();
    }

    @Test
    void a_known_path_with_the_wrong_method_gets_405_with_allow() {
        api.createApp("my-app");

        var response = api.send("PATCH", "/v1/apps/my-app/volumes", "{}");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, POST");
    }

    @Test
    void a_request_is_journaled_with_the_spec_operation_it_addressed() {
        api.createApp("my-app");
        api.createVolume("my-app");

        assertThat(fly.journal().exchanges())
                .extracting(Exchange::operation)
                .containsExactly("Apps_create", "Volumes_create");
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@FlyEmulatorTest(token = "fm2_secret")
class AuthenticationTest extends EmulatorTestBase {
    private static final String TOKEN = "fm2_secret";

    @Test
    void a_request_without_authorization_gets_401_with_flys_error() {
        var response = api.authorization(null).get("/v1/apps?org_slug=personal");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("Authenticate: token validation error");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void a_wrong_token_gets_401() {
        assertThat(api.authorization("Bearer nope")
                        .get("/v1/apps?org_slug=personal")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void an_empty_bearer_token_gets_401() {
        assertThat(api.authorization("Bearer ")
                        .get("/v1/apps?org_slug=personal")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void an_unknown_scheme_gets_401() {
        assertThat(api.authorization("Basic " + TOKEN)
                        .get("/v1/apps?org_slug=personal")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_configured_token_is_accepted_as_bearer_and_as_flyv1() {
        assertThat(api.authorization("Bearer " + TOKEN)
                        .get("/v1/apps?org_slug=personal")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.authorization("FlyV1 " + TOKEN)
                        .get("/v1/apps?org_slug=personal")
                        .statusCode())
                .isEqualTo(200);
        assertThat(fly.token()).isEqualTo(TOKEN);
    }

    @Test
    void authentication_is_checked_before_routing() {
        var response = api.authorization(null).get("/v1/nowhere");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void an_emulator_without_a_configured_token_accepts_any_non_empty_token_and_still_refuses_none() {
        try (var open = FlyEmulator.start()) {
            var openApi = new Api(open);
            assertThat(open.token()).isNotBlank();
            assertThat(openApi.authorization("Bearer anything")
                            .get("/v1/apps?org_slug=personal")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(openApi.authorization(null)
                            .get("/v1/apps?org_slug=personal")
                            .statusCode())
                    .isEqualTo(401);
        }
    }
}

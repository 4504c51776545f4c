package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token never leaves in a message, a header it cannot be, or over plain HTTP to a stranger. */
class TokenSafetyTest extends EmulatorTestBase {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc\ndef-SECRET",
                "abc\r\ndef-SECRET",
                "abc\u007fdef-SECRET",
                "abc\tdef-SECRET",
                "abcédef-SECRET"
            })
    void a_token_a_header_cannot_carry_is_refused_without_echoing_it(String token) {
        assertThatThrownBy(() -> FlyClient.builder()
                        .baseUri(emulator.baseUri())
                        .token(token)
                        .environment(n -> null)
                        .build())
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining("position 4")
                .hasMessageNotContaining("SECRET")
                .hasMessageNotContaining("abc");
        assertThat(emulator.journal().exchanges()).isEmpty();
    }

    @Test
    void a_token_is_never_sent_over_plain_http_to_a_host_that_is_not_loopback() {
        assertThatThrownBy(() -> FlyClient.builder()
                        .baseUri("http://10.0.0.7:4280")
                        .token("tok")
                        .environment(n -> null)
                        .build())
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining("plain http:// to 10.0.0.7")
                .hasMessageContaining("allowPlainHttp");
    }

    @Test
    void a_logs_host_over_plain_http_is_refused_too() {
        assertThatThrownBy(() -> client().logsBaseUri("http://logs.example.com").build())
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining("logs.example.com");
    }

    @Test
    void plain_http_to_a_stranger_is_allowed_when_asked_for() {
        try (FlyClient fly = FlyClient.builder()
                .baseUri("http://10.0.0.7:4280")
                .token("tok")
                .environment(n -> null)
                .allowPlainHttp(true)
                .build()) {
            assertThat(fly.baseUri().getHost()).isEqualTo("10.0.0.7");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:4280",
                "http://127.0.0.1:1",
                "http://[::1]:4280",
                "http://_api.internal:4280",
                "https://api.machines.dev"
            })
    void loopback_the_private_api_and_https_need_no_permission(String url) {
        try (FlyClient fly = FlyClient.builder()
                .baseUri(url)
                .token("tok")
                .environment(n -> null)
                .build()) {
            assertThat(fly.baseUri().toString()).isEqualTo(url);
        }
    }

    @Test
    void every_secret_the_client_was_given_is_cut_out_of_an_echoed_error() {
        emulator.faults()
                .script(
                        "GET",
                        "/v1/apps/*/volumes",
                        Fault.status(400, "{\"error\":\"bad env CLAUDE=oat-1234 GH=ghp_5678\"}"));
        try (FlyClient fly = client().retryPolicy(RetryPolicy.none())
                .redact("oat-1234", "ghp_5678")
                .build()) {
            assertThatThrownBy(() -> fly.volumes(APP).list())
                    .hasMessageContaining("bad env CLAUDE=<redacted> GH=<redacted>")
                    .hasMessageNotContaining("oat-1234")
                    .hasMessageNotContaining("ghp_5678");
        }
    }

    @Test
    void a_short_token_does_not_hide_that_a_volume_is_bound() {
        emulator.faults()
                .script(
                        "DELETE",
                        "/v1/apps/*/volumes/*",
                        Fault.status(
                                412,
                                "{\"error\":\"failed_precondition: volume is currently bound to machine: 3d8d9\"}"));
        try (FlyClient fly = client().token("t").retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> fly.volumes(APP).destroy("vol_x"))
                    .isInstanceOfSatisfying(FlyVolumeBoundException.class, e -> assertThat(e.getMessage())
                            .contains("volume is currently bound to machine: 3d8d9"));
        }
    }
}

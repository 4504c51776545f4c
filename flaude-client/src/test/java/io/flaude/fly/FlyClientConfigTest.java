package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.FlyEmulator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlyClientConfigTest extends EmulatorTestBase {

    @Test
    void no_token_anywhere_is_an_error_naming_FLY_API_TOKEN_before_any_request() {
        assertThatThrownBy(() -> FlyClient.builder()
                        .baseUri(emulator.baseUri())
                        .environment(name -> null)
                        .build())
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining("FLY_API_TOKEN");
        assertThat(requests()).isEmpty();
    }

    @Test
    void the_token_comes_from_FLY_API_TOKEN_when_not_given() {
        Map<String, String> env = Map.of(
                "FLY_API_TOKEN",
                emulator.token(),
                "FLY_API_HOSTNAME",
                emulator.baseUri().toString());
        try (FlyClient fromEnv = FlyClient.builder().environment(env::get).build()) {
            assertThat(fromEnv.volumes(APP).list()).isEmpty();
        }
    }

    @Test
    void the_base_url_comes_from_the_builder_then_FLY_API_HOSTNAME_then_the_public_api() {
        Map<String, String> env = Map.of("FLY_API_TOKEN", "t", "FLY_API_HOSTNAME", "http://_api.internal:4280");
        try (FlyClient explicit = FlyClient.builder()
                        .environment(env::get)
                        .baseUri("http://127.0.0.1:9/")
                        .build();
                FlyClient fromEnv = FlyClient.builder().environment(env::get).build();
                FlyClient byDefault =
                        FlyClient.builder().token("t").environment(name -> null).build()) {
            assertThat(explicit.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9"));
            assertThat(fromEnv.baseUri()).isEqualTo(URI.create("http://_api.internal:4280"));
            assertThat(byDefault.baseUri()).isEqualTo(URI.create("https://api.machines.dev"));
        }
    }

    @Test
    void the_private_api_host_with_an_underscore_is_reached_through_its_address() {
        String privateUrl = "http://_api.internal:" + emulator.baseUri().getPort();
        try (FlyClient internal = client().baseUri(privateUrl)
                .resolver(host -> java.net.InetAddress.getByName(host.equals("_api.internal") ? "127.0.0.1" : host))
                .build()) {
            assertThat(internal.volumes(APP).list()).isEmpty();
            assertThat(internal.baseUri().toString()).isEqualTo(privateUrl);
        }
    }

    @Test
    void an_unresolvable_private_host_is_a_transport_error_that_says_where_it_is_reachable() {
        try (FlyClient internal = client().baseUri("http://_api.internal:4280")
                .resolver(host -> {
                    throw new java.net.UnknownHostException(host);
                })
                .build()) {
            assertThatThrownBy(() -> internal.volumes(APP).list())
                    .isInstanceOf(FlyTransportException.class)
                    .hasMessageContaining("http://_api.internal:4280/v1")
                    .hasMessageContaining("WireGuard");
        }
    }

    @Test
    void a_base_url_ending_in_v1_is_accepted_and_paths_stay_under_v1() {
        try (FlyClient withV1 = client().baseUri(emulator.baseUri() + "/v1/").build()) {
            withV1.volumes(APP).list();
        }
        assertThat(emulator.journal().last().path()).isEqualTo("/v1/apps/test-app/volumes");
    }

    @Test
    void toString_never_shows_the_token() {
        try (FlyClient c = client().token("fo1_supersecret").build()) {
            assertThat(c.toString()).doesNotContain("supersecret").contains("<redacted>");
        }
    }

    @Test
    void a_wrong_token_is_unauthorized_and_the_message_never_holds_it() {
        try (FlyEmulator guarded = FlyEmulator.builder().token("right-token").start();
                FlyClient c = FlyClient.builder()
                        .baseUri(guarded.baseUri())
                        .token("wrong-secret-token")
                        .build()) {
            assertThatThrownBy(() -> c.apps().find("some-app"))
                    .isInstanceOfSatisfying(FlyUnauthorizedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain("wrong-secret-token");
                        assertThat(e.requestId()).isPresent();
                    });
        }
    }

    @Test
    void one_client_serves_many_concurrent_calls_on_virtual_threads() throws Exception {
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Volume>>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> volumes().create()));
            }
            for (var f : futures) {
                assertThat(f.get().id()).startsWith("vol_");
            }
        }
        assertThat(volumes().list()).hasSize(50);
    }
}

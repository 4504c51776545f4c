package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippets of docs/emulator.md, compiled and run. */
class DocsExampleTest {

    @Test
    void the_builder_snippet_starts_an_emulator_on_a_free_loopback_port() {
        try (FlyEmulator fly = FlyEmulator.builder()
                .token("t")                                    // default: any non-empty token is accepted
                .forkHydrationDelay(Duration.ofMillis(50))     // default 300 ms
                .restoreDelay(Duration.ofMillis(50))           // default 300 ms
                .snapshotDelay(Duration.ZERO)                  // default 0: a snapshot is listed at once
                .start()) {
            URI base = fly.baseUri();                          // http://127.0.0.1:<free port>, no /v1
            assertThat(base.toString()).startsWith("http://127.0.0.1:");
            assertThat(fly.token()).isEqualTo("t");
        }
    }

    @Test
    void the_faults_snippet_scripts_four_answers_then_the_route_is_normal_again() {
        try (FlyEmulator fly = FlyEmulator.start()) {
            Api api = new Api(fly);
            api.createApp("my-app");
            fly.faults().script("POST", "/v1/apps/*/volumes",       // `*` is one path segment; method `*` is any
                    Fault.status(503, "{\"error\":\"try again\"}"),  // the next matching request gets this,
                    Fault.delay(Duration.ofSeconds(2)),               // the one after waits 2 s, then is served,
                    Fault.drop(),                                     // the third loses its connection,
                    Fault.rateLimited().after(Duration.ofMillis(100)));  // the fourth: 100 ms, then 429
            // afterwards the route behaves normally again
            String body = "{\"name\":\"v\",\"region\":\"iad\",\"size_gb\":1}";
            assertThat(api.post("/v1/apps/my-app/volumes", body).statusCode()).isEqualTo(503);
            assertThat(api.post("/v1/apps/my-app/volumes", body).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> api.sendOrThrow("POST", "/v1/apps/my-app/volumes", body)).isInstanceOf(IOException.class);
            assertThat(api.post("/v1/apps/my-app/volumes", body).statusCode()).isEqualTo(429);
            assertThat(api.post("/v1/apps/my-app/volumes", body).statusCode()).isEqualTo(200);

            List<Exchange> posts = fly.journal().matching("POST", "/v1/apps/*/volumes");
            posts.get(0).requestBody();      // what your code sent; Authorization is recorded as <redacted>
            assertThat(posts.get(0).requestBody()).isEqualTo(body);
            assertThat(posts.get(0).requestHeaders().get("authorization")).containsExactly("<redacted>");
        }
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorLifecycleTest {
    @Test
    void start_listens_on_loopback_at_an_ephemeral_port() {
        try (var fly = FlyEmulator.start()) {
            assertThat(fly.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(fly.baseUri().getPort()).isPositive();
            assertThat(new Api(fly).get("/v1/apps?org_slug=personal").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void the_builder_sets_port_and_organization() throws IOException {
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (var fly = FlyEmulator.builder().port(port).orgSlug("acme").start()) {
            var api = new Api(fly);
            assertThat(fly.baseUri().getPort()).isEqualTo(port);
            assertThat(api.post("/v1/apps", "{\"name\":\"my-app\",\"org_slug\":\"acme\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(api.get("/v1/apps?org_slug=personal").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void reset_forgets_state_journal_and_faults() {
        try (var fly = FlyEmulator.start()) {
            var api = new Api(fly);
            api.createApp("my-app");
            fly.faults().script("GET", "/v1/apps/*", Fault.rateLimited());

            fly.reset();

            assertThat(fly.journal().exchanges()).isEmpty();
            assertThat(api.get("/v1/apps/my-app").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void close_stops_the_server_and_may_be_called_twice() {
        var fly = FlyEmulator.start();
        var api = new Api(fly).freshClient();
        api.createApp("my-app");

        fly.close();
        fly.close();

        assertThatThrownBy(() -> api.sendOrThrow("GET", "/v1/apps/my-app", null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void close_does_not_wait_for_a_delayed_request() {
        var fly = FlyEmulator.start();
        fly.faults().script("GET", "/v1/apps/*", Fault.delay(Duration.ofSeconds(30)));
        var request = Thread.startVirtualThread(() -> {
            try {
                new Api(fly).freshClient().sendOrThrow("GET", "/v1/apps/my-app", null);
            } catch (IOException expected) {
                // the server went away mid-request
            }
        });
        Api.sleep(Duration.ofMillis(100));

        long start = System.nanoTime();
        fly.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        request.interrupt();
    }

    @Test
    void builder_rejects_nonsense() {
        assertThatThrownBy(() -> FlyEmulator.builder().token("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlyEmulator.builder().port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlyEmulator.builder().restoreDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

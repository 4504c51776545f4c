package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The emulated log shipper posts Vector's batches: JSON arrays, bearer auth, 5xx retried. */
class LogShipperTest {
    private static final String APP = "my-app";

    @Test
    void printed_lines_are_posted_as_json_arrays_with_the_bearer_token_and_a_503_is_retried() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer drain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        drain.createContext("/", x -> {
            try (x) {
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = calls.incrementAndGet() == 1 ? 503 : 200;
                if (status == 200) {
                    bodies.add(body);
                    auth.add(x.getRequestHeaders().getFirst("Authorization") + " "
                            + x.getRequestHeaders().getFirst("Content-Type"));
                }
                x.sendResponseHeaders(status, -1);
            }
        });
        drain.start();
        URI url = URI.create("http://127.0.0.1:" + drain.getAddress().getPort() + "/");
        try (FlyEmulator fly = FlyEmulator.builder()
                .shipLogs(url, "ship-token", Duration.ofMillis(100))
                .start()) {
            String id = MachineTestBase.agentMachine(
                    fly, APP, MachineTestBase.agentEnv("hi", "FLAUDE_EMULATOR_SLEEP_MS", "0"));
            Await.until("the shipped exit line", Duration.ofSeconds(10), () -> bodies.stream()
                    .anyMatch(b -> b.contains("[flaude:exit:0]")));

            List<String> shipped = new java.util.ArrayList<>();
            for (String body : bodies) {
                JsonNode batch = Api.json(body);
                assertThat(batch.isArray()).isTrue();
                batch.forEach(e -> {
                    assertThat(e.path("fly").path("app").path("instance").stringValue())
                            .isEqualTo(id);
                    assertThat(e.path("fly").path("app").path("name").stringValue())
                            .isEqualTo(APP);
                    shipped.add(e.path("message").stringValue());
                });
            }
            assertThat(shipped)
                    .as("every line once, in order, the refused batch sent again")
                    .isEqualTo(fly.logLines(APP, id));
            assertThat(auth).allMatch(a -> a.equals("Bearer ship-token application/json"));
            assertThat(calls.get()).isGreaterThan(bodies.size());
        } finally {
            drain.stop(0);
        }
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The emulator publishes each printed line to a real nats-server, as Fly's log stream carries it. */
class NatsLogStreamTest {
    private static final String APP = "my-app";

    @Test
    void every_printed_line_is_published_on_logs_app_region_machine_in_flys_json() throws Exception {
        try (NatsServer nats = NatsServer.start("personal", "s3cret");
                FlyEmulator fly =
                        FlyEmulator.builder().natsUrl(nats.urlWithCredentials()).start();
                Connection sub = Nats.connect(Options.builder()
                        .server(nats.url())
                        .userInfo("personal", "s3cret")
                        .build())) {
            List<String> subjects = new CopyOnWriteArrayList<>();
            List<JsonNode> events = new CopyOnWriteArrayList<>();
            Dispatcher d = sub.createDispatcher(m -> {
                subjects.add(m.getSubject());
                events.add(JsonMapper.builder().build().readTree(new String(m.getData(), StandardCharsets.UTF_8)));
            });
            d.subscribe("logs." + APP + ".>");
            sub.flush(Duration.ofSeconds(2));
            String id = MachineTestBase.agentMachine(fly, APP, MachineTestBase.agentEnv("hi"));

            Await.until("the exit line over NATS", Duration.ofSeconds(10), () -> events.stream()
                    .anyMatch(e -> e.path("message").stringValue("").startsWith("[flaude:exit:")));

            assertThat(subjects).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo("logs." + APP + ".iad." + id));
            assertThat(events.stream()
                            .map(e -> e.path("message").stringValue(""))
                            .toList())
                    .isEqualTo(fly.logLines(APP, id));
            JsonNode e = events.get(0);
            assertThat(e.path("event").path("provider").stringValue()).isEqualTo("app");
            assertThat(e.path("fly").path("app").path("instance").stringValue()).isEqualTo(id);
            assertThat(e.path("fly").path("app").path("name").stringValue()).isEqualTo(APP);
            assertThat(e.path("fly").path("region").stringValue()).isEqualTo("iad");
            assertThat(e.path("log").path("level").stringValue()).isEqualTo("info");
            assertThat(e.path("timestamp").stringValue())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
            assertThat(e.path("host").isString()).isTrue();
        }
    }

    @Test
    void an_unreachable_nats_server_fails_the_start_without_printing_its_password() {
        assertThatThrownBy(() -> FlyEmulator.builder()
                        .natsUrl("nats://org:hunter2hunter2@127.0.0.1:1")
                        .start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot connect to the NATS server")
                .message()
                .doesNotContain("hunter2hunter2");
    }
}

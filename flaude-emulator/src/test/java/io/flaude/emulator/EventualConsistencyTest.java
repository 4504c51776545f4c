package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fly's reads can trail its writes: with a create lag, a new machine is not found for a moment. */
class EventualConsistencyTest {

    @Test
    void a_new_machine_answers_404_to_get_and_wait_until_the_lag_has_passed() {
        try (FlyEmulator fly =
                FlyEmulator.builder().createLag(Duration.ofMillis(400)).start()) {
            Api api = new Api(fly);
            api.createApp("a");
            var created = api.post("/v1/apps/a/machines", "{\"skip_launch\":true,\"config\":{\"image\":\"nginx\"}}");
            String id = Api.json(created).get("id").stringValue();

            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(api.get("/v1/apps/a/machines/" + id).statusCode()).isEqualTo(404);
            assertThat(api.get("/v1/apps/a/machines/" + id + "/wait?state=started&timeout=1")
                            .statusCode())
                    .isEqualTo(404);
            Api.sleep(Duration.ofMillis(450));
            assertThat(api.get("/v1/apps/a/machines/" + id).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void without_a_lag_a_new_machine_is_found_at_once() {
        try (FlyEmulator fly = FlyEmulator.start()) {
            Api api = new Api(fly);
            api.createApp("a");
            String id = Api.json(
                            api.post("/v1/apps/a/machines", "{\"skip_launch\":true,\"config\":{\"image\":\"nginx\"}}"))
                    .get("id")
                    .stringValue();

            assertThat(api.get("/v1/apps/a/machines/" + id).statusCode()).isEqualTo(200);
        }
    }
}

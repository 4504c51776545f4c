package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MachineLeaseTest extends MachineTestBase {
    private static final String NONCE = "fly-machine-lease-nonce";
    private String id;
    private String path;

    @BeforeEach
    void createMachine() {
        id = createMachine("{\"skip_launch\":true,\"config\":" + config(agentEnv("hi"), null, null) + "}")
                .get("id")
                .stringValue();
        path = MACHINES + "/" + id;
    }

    private String acquire(String body) {
        var response = api.post(path + "/lease", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response).get("data").get("nonce").stringValue();
    }

    @Test
    void acquire_answers_201_with_the_lease_envelope() {
        long before = System.currentTimeMillis() / 1000;

        var response = api.post(path + "/lease", "{\"ttl\":30,\"description\":\"turn 1\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = Api.json(response);
        assertThat(body.get("status").stringValue()).isEqualTo("success");
        JsonNode data = body.get("data");
        assertThat(data.get("nonce").stringValue()).isNotEmpty();
        assertThat(data.get("expires_at").longValue()).isBetween(before + 29, before + 31);
        assertThat(data.get("owner").stringValue()).isEqualTo("flaude-emulator");
        assertThat(data.get("description").stringValue()).isEqualTo("turn 1");
        assertThat(data.get("version").stringValue())
                .isEqualTo(machine(id).get("version").stringValue());
    }

    @Test
    void acquire_takes_the_ttl_from_the_query_as_fly_go_sends_it() {
        long before = System.currentTimeMillis() / 1000;

        var response = api.post(path + "/lease?ttl=120", null);

        assertThat(Api.json(response).get("data").get("expires_at").longValue()).isBetween(before + 119, before + 121);
    }

    @Test
    void a_live_lease_held_by_another_nonce_gets_409() {
        acquire("{\"ttl\":30}");

        var response = api.post(path + "/lease", "{\"ttl\":30}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Api.json(response).get("error").stringValue())
                .startsWith("aborted: machine " + id + " lease currently held by flaude-emulator, expires at ");
    }

    @Test
    void writes_without_the_nonce_get_409_while_the_lease_lives() {
        acquire("{\"ttl\":30}");

        assertThat(api.post(path, "{\"config\":{\"image\":\"alpine\"}}").statusCode())
                .isEqualTo(409);
        assertThat(api.post(path + "/start", null).statusCode()).isEqualTo(409);
        assertThat(api.post(path + "/stop", null).statusCode()).isEqualTo(409);
        assertThat(api.delete(path).statusCode()).isEqualTo(409);
        assertThat(api.header(NONCE, "wrong").post(path + "/start", null).statusCode())
                .isEqualTo(409);
    }

    @Test
    void writes_with_the_nonce_go_through() {
        Api holder = api.header(NONCE, acquire("{\"ttl\":30}"));

        assertThat(holder.post(path, "{\"config\":" + config(agentEnv("hi"), null, null) + "}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(holder.post(path + "/start", null).statusCode()).isEqualTo(200);
        assertThat(holder.post(path + "/stop", null).statusCode()).isEqualTo(200);
        assertThat(holder.delete(path + "?force=true").statusCode()).isEqualTo(200);
    }

    @Test
    void acquire_with_the_current_nonce_refreshes_the_lease() {
        String nonce = acquire("{\"ttl\":5}");

        var response = api.header(NONCE, nonce).post(path + "/lease", "{\"ttl\":300}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode data = Api.json(response).get("data");
        assertThat(data.get("nonce").stringValue()).isEqualTo(nonce);
        assertThat(data.get("expires_at").longValue()).isGreaterThan(System.currentTimeMillis() / 1000 + 200);
    }

    @Test
    void show_answers_the_lease_or_404() {
        assertThat(api.get(path + "/lease").statusCode()).isEqualTo(404);
        assertThat(Api.json(api.get(path + "/lease")).get("error").stringValue())
                .isEqualTo("lease not found");
        String nonce = acquire("{\"ttl\":30}");

        assertThat(Api.json(api.get(path + "/lease")).get("data").get("nonce").stringValue())
                .isEqualTo(nonce);
    }

    @Test
    void release_needs_the_nonce() {
        String nonce = acquire("{\"ttl\":30}");

        assertThat(api.delete(path + "/lease").statusCode()).isEqualTo(409);
        var released = api.header(NONCE, nonce).delete(path + "/lease");

        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.body()).isEqualTo("{}");
        assertThat(api.get(path + "/lease").statusCode()).isEqualTo(404);
        assertThat(api.post(path + "/start", null).statusCode()).isEqualTo(200);
    }

    @Test
    void an_expired_lease_is_ignored() {
        acquire("{\"ttl\":1}");

        Api.sleep(Duration.ofMillis(1100));

        assertThat(api.get(path + "/lease").statusCode()).isEqualTo(404);
        assertThat(api.post(path + "/start", null).statusCode()).isEqualTo(200);
        assertThat(api.post(path + "/lease", "{\"ttl\":30}").statusCode()).isEqualTo(201);
    }
}

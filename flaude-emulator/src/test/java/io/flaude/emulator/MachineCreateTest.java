package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MachineCreateTest extends MachineTestBase {
    @Test
    void create_answers_200_with_a_full_machine() {
        JsonNode m = createMachine("{\"config\":{\"image\":\"" + IMAGE + "\",\"env\":{\"A\":\"1\"},\"guest\":null,"
                + "\"metadata\":{\"session_id\":\"s1\"}},\"skip_launch\":true,\"region\":null}");

        assertThat(m.get("id").stringValue()).matches("[0-9a-f]{14}");
        assertThat(m.get("name").stringValue()).matches("[a-z]+-[a-z]+-\\d{4}");
        assertThat(m.get("state").stringValue()).isEqualTo("created");
        assertThat(m.get("region").stringValue()).isEqualTo("iad");
        assertThat(m.get("version").stringValue())
                .matches("[0-9a-z]{26}")
                .isEqualTo(m.get("instance_id").stringValue());
        assertThat(m.get("private_ip").stringValue()).startsWith("fdaa:");
        assertThat(m.get("created_at").stringValue())
                .endsWith("Z")
                .isEqualTo(m.get("updated_at").stringValue());
        assertThat(m.get("config").toString())
                .as("nulls dropped, Fly's defaults filled in")
                .isEqualTo("{\"image\":\"" + IMAGE + "\",\"env\":{\"A\":\"1\"},\"metadata\":{\"session_id\":\"s1\"},"
                        + "\"guest\":{\"cpu_kind\":\"shared\",\"cpus\":1,\"memory_mb\":256},\"init\":{},"
                        + "\"restart\":{\"policy\":\"on-failure\",\"max_retries\":10}}");
        assertThat(m.get("image_ref").get("registry").stringValue()).isEqualTo("ghcr.io");
        assertThat(m.get("image_ref").get("repository").stringValue()).isEqualTo("flaude-java/flaude-agent");
        assertThat(m.get("image_ref").get("tag").stringValue()).isEqualTo("0.1.0");
        assertThat(m.get("image_ref").get("digest").stringValue()).startsWith("sha256:");
        assertThat(m.get("events").get(0).get("type").stringValue()).isEqualTo("launch");
        assertThat(m.get("checks").isEmpty()).isTrue();
        assertThat(m.get("host_status").stringValue()).isEqualTo("ok");
        assertThat(m.has("nonce")).isFalse();
    }

    @Test
    void create_keeps_a_given_name_and_region() {
        JsonNode m = createMachine(
                "{\"name\":\"worker\",\"region\":\"ord\",\"skip_launch\":true,\"config\":{\"image\":\"alpine\"}}");

        assertThat(m.get("name").stringValue()).isEqualTo("worker");
        assertThat(m.get("region").stringValue()).isEqualTo("ord");
        assertThat(m.get("image_ref").get("repository").stringValue()).isEqualTo("library/alpine");
        assertThat(m.get("image_ref").get("tag").stringValue()).isEqualTo("latest");
    }

    @Test
    void create_without_skip_launch_boots_the_machine_to_started() {
        JsonNode m = createRunning(3_000);

        assertThat(m.get("state").stringValue()).isEqualTo("created");
        assertThat(awaitState(m.get("id").stringValue(), "started", null)
                        .get("state")
                        .stringValue())
                .isEqualTo("started");
    }

    @Test
    void create_with_skip_launch_stays_created() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":" + config(agentEnv("hi"), null, null) + "}");

        Api.sleep(java.time.Duration.ofMillis(100));

        assertThat(machine(m.get("id").stringValue()).get("state").stringValue())
                .isEqualTo("created");
    }

    @Test
    void create_without_config_or_image_gets_400() {
        var noConfig = api.post(MACHINES, "{\"name\":\"x\"}");
        var noImage = api.post(MACHINES, "{\"config\":{\"env\":{}}}");

        assertThat(noConfig.statusCode()).isEqualTo(400);
        assertThat(Api.json(noConfig).get("error").stringValue()).isEqualTo("invalid_argument: config is required");
        assertThat(noImage.statusCode()).isEqualTo(400);
        assertThat(Api.json(noImage).get("error").stringValue())
                .isEqualTo("invalid_argument: config.image is required");
    }

    @Test
    void create_in_an_unknown_region_gets_422() {
        assertThat(api.post(MACHINES, "{\"region\":\"xyz\",\"config\":{\"image\":\"alpine\"}}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void create_under_an_unknown_app_gets_404_app_not_found() {
        var response = api.post("/v1/apps/nope/machines", "{\"config\":{\"image\":\"alpine\"}}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("app not found");
    }

    @Test
    void create_with_a_mount_attaches_the_volume_and_takes_its_region() {
        String volume = api.createVolume(APP, "{\"name\":\"data\",\"region\":\"ord\"}")
                .get("id")
                .stringValue();

        JsonNode m = createMachine("{\"skip_launch\":true,\"config\":" + config(Map.of(), volume, "/data") + "}");

        assertThat(m.get("region").stringValue()).isEqualTo("ord");
        assertThat(volume(volume).get("attached_machine_id").stringValue())
                .isEqualTo(m.get("id").stringValue());
    }

    @Test
    void create_in_another_region_than_the_volume_gets_400_wrong_region() {
        String volume = api.createVolume(APP, "{\"name\":\"data\",\"region\":\"ord\"}")
                .get("id")
                .stringValue();

        var response = api.post(MACHINES, "{\"region\":\"iad\",\"config\":" + config(Map.of(), volume, "/data") + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo("Mounts source volume \"" + volume + "\" is in the wrong region (\"ord\" != \"iad\")");
        assertThat(volume(volume).get("attached_machine_id").isNull()).isTrue();
    }

    @Test
    void create_with_two_mounts_gets_400() {
        String a = createVolume();
        String b = createVolume();

        var response = api.post(
                MACHINES,
                "{\"config\":{\"image\":\"alpine\",\"mounts\":[{\"volume\":\"" + a
                        + "\",\"path\":\"/a\"},{\"volume\":\"" + b + "\",\"path\":\"/b\"}]}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo("invalid_argument: a machine can mount only one volume");
    }

    @Test
    void create_with_an_unknown_or_destroyed_volume_gets_400_volume_not_found() {
        String gone = createVolume();
        api.delete("/v1/apps/" + APP + "/volumes/" + gone);

        var unknown = api.post(MACHINES, "{\"config\":" + config(Map.of(), "vol_0000000000000000", "/data") + "}");
        var destroyed = api.post(MACHINES, "{\"config\":" + config(Map.of(), gone, "/data") + "}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Api.json(unknown).get("error").stringValue()).isEqualTo("invalid_argument: volume not found");
        assertThat(destroyed.statusCode()).isEqualTo(400);
    }

    @Test
    void create_with_a_volume_attached_to_another_machine_gets_409() {
        String volume = createVolume();
        JsonNode first = createMachine("{\"skip_launch\":true,\"config\":" + config(Map.of(), volume, "/data") + "}");

        var response = api.post(MACHINES, "{\"config\":" + config(Map.of(), volume, "/data") + "}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Api.json(response).get("error").stringValue())
                .isEqualTo("aborted: volume " + volume + " is already attached to machine "
                        + first.get("id").stringValue());
    }

    @Test
    void create_with_lease_ttl_answers_the_nonce_and_leases_the_machine() {
        JsonNode m = createMachine("{\"skip_launch\":true,\"lease_ttl\":30,\"config\":{\"image\":\"alpine\"}}");
        String lease = MACHINES + "/" + m.get("id").stringValue() + "/lease";

        assertThat(m.get("nonce").stringValue()).isNotEmpty();
        assertThat(Api.json(api.get(lease)).get("data").get("nonce").stringValue())
                .isEqualTo(m.get("nonce").stringValue());
        assertThat(machine(m.get("id").stringValue()).has("nonce")).isFalse();
    }
}

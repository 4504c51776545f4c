package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests Fly would refuse are refused: wrong types and values in machine config, bad names, bad URLs. */
class MachineConfigTypesTest extends MachineTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"guest\":{\"cpus\":\"1\"}                | cannot unmarshal string into Go struct field config.guest.cpus of type int",
                "\"guest\":{\"memory_mb\":1.5}             | cannot unmarshal number into Go struct field config.guest.memory_mb of type int",
                "\"auto_destroy\":\"yes\"                  | cannot unmarshal string into Go struct field config.auto_destroy of type bool",
                "\"init\":{\"cmd\":\"nginx -g\"}           | cannot unmarshal string into Go struct field config.init.cmd of type []string",
                "\"restart\":{\"policy\":\"sometimes\"}    | restart policy 'sometimes' is not one of no, always, on-failure, spot-price",
                "\"guest\":{\"memory_mb\":-256}            | guest.memory_mb must be positive",
                "\"guest\":{\"cpu_kind\":\"turbo\"}        | cpu_kind 'turbo' is not shared or performance",
                "\"restart\":true                          | cannot unmarshal bool into Go struct field config.restart of type struct"
            })
    void a_wrongly_typed_or_out_of_range_config_field_is_a_400_in_flys_words(String field, String message) {
        var response = api.post(MACHINES, "{\"config\":{\"image\":\"nginx\"," + field + "}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).path("error").stringValue()).contains(message);
        assertThat(Api.json(api.get(MACHINES))).as("nothing created").isEmpty();
    }

    @Test
    void the_same_checks_apply_to_an_update() {
        String id = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"nginx\"}}")
                .get("id")
                .stringValue();

        var response = api.post(MACHINES + "/" + id, "{\"config\":{\"image\":\"nginx\",\"guest\":{\"cpus\":\"2\"}}}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void a_name_with_a_slash_or_nul_is_refused() {
        assertThat(api.post(MACHINES, "{\"name\":\"a/b\",\"config\":{\"image\":\"nginx\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.post(MACHINES, "{\"name\":\"a\\u0000b\",\"config\":{\"image\":\"nginx\"}}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_non_boolean_flag_is_refused() {
        var response = api.post(MACHINES, "{\"skip_launch\":\"true\",\"config\":{\"image\":\"nginx\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).path("error").stringValue()).contains("skip_launch");
    }

    @Test
    void the_stored_config_has_flys_defaults_and_keeps_what_was_sent() {
        var m = createMachine("{\"skip_launch\":true,\"config\":{\"image\":\"nginx\",\"guest\":{\"cpus\":2},"
                + "\"restart\":{\"policy\":\"no\"},\"services\":[{\"internal_port\":80}]}}");

        var config = m.get("config");
        assertThat(config.path("guest").path("cpus").asInt()).isEqualTo(2);
        assertThat(config.path("guest").path("memory_mb").asInt()).isEqualTo(256);
        assertThat(config.path("guest").path("cpu_kind").stringValue()).isEqualTo("shared");
        assertThat(config.path("restart").path("policy").stringValue()).isEqualTo("no");
        assertThat(config.path("init").isObject()).isTrue();
        assertThat(config.path("services").get(0).path("internal_port").asInt()).isEqualTo(80);
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** App secrets: set, list, read and unset without ever showing a value; delivered to machines at boot. */
class SecretsTest extends MachineTestBase {
    private static final String SECRETS = "/v1/apps/" + APP + "/secrets";
    private static final String TOKEN = "sk-ant-oat-secret-in-the-vault";

    @Test
    void many_secrets_are_set_at_once_with_one_new_version_and_listed_without_values() {
        var set = api.post(SECRETS, "{\"values\":{\"A_TOKEN\":\"" + TOKEN + "\",\"B\":\"two\"}}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(Api.json(set).path("version").asLong()).isEqualTo(1);
        assertThat(Api.json(set).path("Version").asLong()).isEqualTo(1);
        JsonNode list = Api.json(api.get(SECRETS + "?show_secrets=true"));
        assertThat(list.path("secrets"))
                .extracting(s -> s.path("name").stringValue())
                .containsExactly("A_TOKEN", "B");
        assertThat(list.path("secrets").get(0).path("digest").stringValue()).isNotEmpty();
        assertThat(list.toString()).doesNotContain(TOKEN).doesNotContain("two").doesNotContain("\"value\"");
    }

    @Test
    void one_secret_is_set_read_without_its_value_and_deleted() {
        var created = api.post(SECRETS + "/ONE", "{\"value\":\"" + TOKEN + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Api.json(created).path("version").asLong()).isEqualTo(1);
        assertThat(created.body()).doesNotContain(TOKEN);

        var read = api.get(SECRETS + "/ONE?show_secrets=true");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"name\":\"ONE\"").doesNotContain(TOKEN);

        var deleted = api.delete(SECRETS + "/ONE");
        assertThat(Api.json(deleted).path("version").asLong()).isEqualTo(2);
        assertThat(api.delete(SECRETS + "/ONE").statusCode()).isEqualTo(404);
        assertThat(api.get(SECRETS + "/ONE").statusCode()).isEqualTo(404);
    }

    @Test
    void a_null_value_unsets_and_bad_names_or_values_are_refused() {
        api.post(SECRETS, "{\"values\":{\"GONE\":\"x\"}}");

        assertThat(Api.json(api.post(SECRETS, "{\"values\":{\"GONE\":null}}"))
                        .path("version")
                        .asLong())
                .isEqualTo(2);
        assertThat(Api.json(api.get(SECRETS)).path("secrets")).isEmpty();
        assertThat(api.post(SECRETS, "{\"values\":{\"9LIVES\":\"x\"}}").statusCode())
                .isEqualTo(400);
        assertThat(api.post(SECRETS, "{\"values\":{\"N\":7}}").statusCode()).isEqualTo(400);
        assertThat(api.post(SECRETS + "/has-dash", "{\"value\":\"x\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void every_app_secret_reaches_a_booting_machine_as_env() {
        api.post(SECRETS, "{\"values\":{\"CLAUDE_CODE_OAUTH_TOKEN\":\"" + TOKEN + "\"}}");

        JsonNode m = createMachine("{\"config\":{\"image\":\"" + IMAGE + "\",\"env\":{\"FLAUDE_PROMPT\":\"hi\"}}}");

        assertThat(awaitExit(m).path("state").stringValue()).isEqualTo("stopped");
        assertThat(fly.logLines(APP, m.get("id").stringValue())).last().isEqualTo("[flaude:exit:0]");
        assertThat(machine(m.get("id").stringValue()).toString()).doesNotContain(TOKEN);
        assertThat(api.get("/api/v1/apps/" + APP + "/logs").body()).doesNotContain(TOKEN);
    }

    @Test
    void ignore_app_secrets_keeps_only_the_secrets_a_process_names_under_its_own_env_names() {
        api.post(SECRETS, "{\"values\":{\"S_1_CLAUDE\":\"" + TOKEN + "\",\"OTHER\":\"x\"}}");
        String scoped = "\"processes\":[{\"ignore_app_secrets\":true,"
                + "\"secrets\":[{\"env_var\":\"CLAUDE_CODE_OAUTH_TOKEN\",\"name\":\"S_1_CLAUDE\"}]}]";
        JsonNode named = createMachine(
                "{\"config\":{\"image\":\"" + IMAGE + "\",\"env\":{\"FLAUDE_PROMPT\":\"hi\"}," + scoped + "}}");
        JsonNode unnamed = createMachine("{\"config\":{\"image\":\"" + IMAGE + "\",\"env\":{\"FLAUDE_PROMPT\":\"hi\"},"
                + "\"processes\":[{\"ignore_app_secrets\":true}]}}");

        awaitExit(named);
        awaitExit(unnamed);

        assertThat(fly.logLines(APP, named.get("id").stringValue())).last().isEqualTo("[flaude:exit:0]");
        assertThat(fly.logLines(APP, unnamed.get("id").stringValue()))
                .anyMatch(l -> l.contains("CLAUDE_CODE_OAUTH_TOKEN"))
                .last()
                .isEqualTo("[flaude:exit:2]");
    }

    @Test
    void a_file_with_a_secret_name_holds_the_secrets_decoded_value() {
        String base64 = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
        api.post(SECRETS, "{\"values\":{\"TOKEN_FILE_SECRET\":\"" + base64 + "\"}}");

        JsonNode m = createMachine("{\"config\":{\"image\":\"" + IMAGE + "\",\"env\":{\"FLAUDE_PROMPT\":\"hi\","
                + "\"CLAUDE_CODE_OAUTH_TOKEN_FILE\":\"/run/flaude/token\"},"
                + "\"files\":[{\"guest_path\":\"/run/flaude/token\",\"secret_name\":\"TOKEN_FILE_SECRET\"}]}}");

        awaitExit(m);
        assertThat(fly.logLines(APP, m.get("id").stringValue())).last().isEqualTo("[flaude:exit:0]");
    }

    @Test
    void a_machine_names_the_secrets_version_it_needs() {
        api.post(SECRETS, "{\"values\":{\"A\":\"1\"}}");

        var tooNew =
                api.post(MACHINES, "{\"min_secrets_version\":2,\"skip_launch\":true,\"config\":{\"image\":\"nginx\"}}");
        var current =
                api.post(MACHINES, "{\"min_secrets_version\":1,\"skip_launch\":true,\"config\":{\"image\":\"nginx\"}}");

        assertThat(tooNew.statusCode()).isEqualTo(400);
        assertThat(Api.json(tooNew).path("error").stringValue()).contains("min_secrets_version 2");
        assertThat(current.statusCode()).isEqualTo(200);
    }

    @Test
    void deleting_the_app_forgets_its_secrets() {
        api.post(SECRETS, "{\"values\":{\"A\":\"1\"}}");
        api.delete("/v1/apps/" + APP);
        api.createApp(APP);

        assertThat(Api.json(api.get(SECRETS)).path("secrets")).isEmpty();
    }
}

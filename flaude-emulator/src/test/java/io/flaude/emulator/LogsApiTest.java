package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LogsApiTest extends MachineTestBase {
    private static final String LOGS = "/api/v1/apps/" + APP + "/logs";

    /** A machine whose agent prints a line per repo, more than a page in all. */
    private JsonNode chatty(int repos) {
        String list = IntStream.range(0, repos)
                .mapToObj(i -> "\\\"https://github.com/acme/r" + i + "\\\"")
                .collect(Collectors.joining(",", "[", "]"));
        String config = "{\"image\":\"" + IMAGE
                + "\",\"env\":{\"CLAUDE_CODE_OAUTH_TOKEN\":\"sk-ant-oat-secret\",\"FLAUDE_PROMPT\":\"hi\","
                + "\"FLAUDE_REPOS\":\"" + list + "\"}}";
        JsonNode m = createMachine("{\"config\":" + config + "}");
        awaitExit(m);
        return m;
    }

    private JsonNode page(String query) {
        var response = api.get(LOGS + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    @Test
    void logs_answer_entries_in_fly_shape() {
        JsonNode m = chatty(1);
        String id = m.get("id").stringValue();

        JsonNode entry = page("?instance=" + id).get("data").get(0);

        assertThat(entry.get("id").stringValue()).isNotEmpty();
        assertThat(entry.get("type").stringValue()).isEqualTo("logs");
        JsonNode attributes = entry.get("attributes");
        assertThat(attributes.get("timestamp").stringValue())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
        assertThat(attributes.get("message").stringValue())
                .isEqualTo("[flaude] cloning https://github.com/acme/r0 into /workspace/r0");
        assertThat(attributes.get("level").stringValue()).isEqualTo("info");
        assertThat(attributes.get("instance").stringValue()).isEqualTo(id);
        assertThat(attributes.get("region").stringValue()).isEqualTo("iad");
        assertThat(attributes.get("meta").get("event").get("provider").stringValue())
                .isEqualTo("app");
    }

    @Test
    void logs_page_by_50_and_next_token_resumes_after_the_last_line() {
        JsonNode m = chatty(60);
        List<String> all = fly.logLines(APP, m.get("id").stringValue());

        JsonNode first = page("");
        JsonNode second =
                page("?next_token=" + first.get("meta").get("next_token").stringValue());

        assertThat(first.get("data")).hasSize(50);
        var messages = new ArrayList<String>();
        first.get("data")
                .forEach(e -> messages.add(e.get("attributes").get("message").stringValue()));
        second.get("data")
                .forEach(e -> messages.add(e.get("attributes").get("message").stringValue()));
        assertThat(messages).isEqualTo(all);
    }

    @Test
    void with_nothing_new_the_same_token_comes_back() {
        chatty(1);
        String token = page("").get("meta").get("next_token").stringValue();

        JsonNode again = page("?next_token=" + token);

        assertThat(again.get("data")).isEmpty();
        assertThat(again.get("meta").get("next_token").stringValue()).isEqualTo(token);
    }

    @Test
    void the_instance_filter_keeps_one_machine_lines() {
        JsonNode a = chatty(1);
        chatty(2);

        JsonNode page = page("?instance=" + a.get("id").stringValue() + "&region=iad");

        assertThat(page.get("data"))
                .hasSize(fly.logLines(APP, a.get("id").stringValue()).size())
                .allSatisfy(e -> assertThat(e.get("attributes").get("instance").stringValue())
                        .isEqualTo(a.get("id").stringValue()));
    }

    @Test
    void logs_of_an_unknown_app_get_404() {
        assertThat(api.get("/api/v1/apps/nope/logs").statusCode()).isEqualTo(404);
    }

    @Test
    void logs_need_a_token() {
        assertThat(api.authorization(null).get(LOGS).statusCode()).isEqualTo(401);
    }

    @Test
    void next_token_is_the_last_lines_time_in_nanoseconds_and_a_time_asks_for_what_came_after() {
        String id = chatty(1).get("id").stringValue();
        JsonNode all = page("?instance=" + id);
        JsonNode last = all.get("data").get(all.get("data").size() - 1);
        java.time.Instant at =
                java.time.Instant.parse(last.get("attributes").get("timestamp").stringValue());
        String token = all.get("meta").get("next_token").stringValue();

        assertThat(Long.parseLong(token)).isEqualTo(at.getEpochSecond() * 1_000_000_000L + at.getNano());
        assertThat(page("?instance=" + id + "&next_token=0").get("data")).hasSameSizeAs(all.get("data"));
        assertThat(page("?instance=" + id + "&next_token=" + token).get("data")).isEmpty();
        assertThat(api.get("/api/v1/apps/" + APP + "/logs?next_token=later").statusCode())
                .isEqualTo(400);
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MachineListTest extends MachineTestBase {
    private String create(String region, String sessionId) {
        return createMachine("{\"skip_launch\":true,\"region\":\"" + region + "\",\"config\":{\"image\":\"alpine\","
                        + "\"metadata\":{\"managed_by\":\"flaude\",\"session_id\":\"" + sessionId + "\"}}}")
                .get("id")
                .stringValue();
    }

    private List<String> ids(String query) {
        var response = api.get(MACHINES + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        Api.json(response).forEach(m -> ids.add(m.get("id").stringValue()));
        return ids;
    }

    @Test
    void get_answers_the_machine() {
        String id = create("iad", "s1");

        var response = api.get(MACHINES + "/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("id").stringValue()).isEqualTo(id);
    }

    @Test
    void get_of_an_unknown_machine_gets_404_machine_not_found() {
        var response = api.get(MACHINES + "/0123456789abcd");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("not_found: machine not found");
    }

    @Test
    void get_of_a_destroyed_machine_answers_it_destroyed() {
        String id = create("iad", "s1");
        api.delete(MACHINES + "/" + id);

        assertThat(machine(id).get("state").stringValue()).isEqualTo("destroyed");
    }

    @Test
    void list_answers_live_machines_in_creation_order() {
        String a = create("iad", "s1");
        String b = create("ord", "s2");

        assertThat(ids("")).containsExactly(a, b);
    }

    @Test
    void list_leaves_out_destroyed_machines_unless_include_deleted() {
        String a = create("iad", "s1");
        String b = create("iad", "s2");
        api.delete(MACHINES + "/" + a);

        assertThat(ids("")).containsExactly(b);
        assertThat(ids("?include_deleted=true")).containsExactly(a, b);
    }

    @Test
    void list_filters_by_metadata() {
        create("iad", "s1");
        String b = create("iad", "s2");

        assertThat(ids("?metadata.session_id=s2&metadata.managed_by=flaude")).containsExactly(b);
        assertThat(ids("?metadata.session_id=s2&metadata.managed_by=other")).isEmpty();
    }

    @Test
    void list_filters_by_comma_separated_states_and_region() {
        String created = create("iad", "s1");
        String destroyed = create("ord", "s2");
        api.delete(MACHINES + "/" + destroyed);

        assertThat(ids("?include_deleted=true&state=created")).containsExactly(created);
        assertThat(ids("?include_deleted=true&state=started,destroyed")).containsExactly(destroyed);
        assertThat(ids("?include_deleted=true&region=ord")).containsExactly(destroyed);
    }

    @Test
    void list_with_summary_leaves_out_config_events_and_checks() {
        create("iad", "s1");

        JsonNode m = Api.json(api.get(MACHINES + "?summary=true")).get(0);

        assertThat(m.has("config")).isFalse();
        assertThat(m.has("events")).isFalse();
        assertThat(m.has("checks")).isFalse();
        assertThat(m.get("state").stringValue()).isEqualTo("created");
    }

    @Test
    void list_pages_with_limit_and_fly_next_cursor() {
        String a = create("iad", "s1");
        String b = create("iad", "s2");

        var first = api.get(MACHINES + "?limit=1");
        String cursor = first.headers().firstValue("fly-next-cursor").orElseThrow();
        var second = api.get(MACHINES + "?limit=1&cursor=" + cursor);

        assertThat(Api.json(first).get(0).get("id").stringValue()).isEqualTo(a);
        assertThat(Api.json(second).get(0).get("id").stringValue()).isEqualTo(b);
        assertThat(second.headers().firstValue("fly-next-cursor")).isEmpty();
    }

    @Test
    void list_under_an_unknown_app_gets_404() {
        assertThat(api.get("/v1/apps/nope/machines").statusCode()).isEqualTo(404);
    }

    @Test
    void the_app_counts_its_live_machines() {
        create("iad", "s1");
        String gone = create("iad", "s2");
        api.delete(MACHINES + "/" + gone);

        assertThat(Api.json(api.get("/v1/apps/" + APP)).get("machine_count").intValue())
                .isEqualTo(1);
    }
}

package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The organization-wide lists across apps, and the platform's regions. */
class OrgListsTest extends EmulatorTestBase {

    private void twoApps() {
        api.createApp("one");
        api.createApp("two");
        api.createVolume("one");
        api.createVolume("two");
        api.post("/v1/apps/one/machines", "{\"skip_launch\":true,\"region\":\"ord\",\"config\":{\"image\":\"nginx\"}}");
        api.post("/v1/apps/two/machines", "{\"skip_launch\":true,\"region\":\"iad\",\"config\":{\"image\":\"nginx\"}}");
    }

    @Test
    void machines_of_every_app_are_listed_with_their_app() {
        twoApps();

        JsonNode body = Api.json(api.get("/v1/orgs/personal/machines"));

        assertThat(body.path("machines"))
                .extracting(m -> m.path("app_name").stringValue())
                .containsExactly("one", "two");
        assertThat(body.path("machines").get(0).path("config").path("image").stringValue())
                .isEqualTo("nginx");
        assertThat(body.path("last_machine_id").stringValue())
                .isEqualTo(body.path("machines").get(1).path("id").stringValue());
        assertThat(Api.json(api.get("/v1/orgs/personal/machines?region=ord")).path("machines"))
                .hasSize(1);
    }

    @Test
    void volumes_of_every_app_are_listed_and_paged_with_a_cursor_in_the_body() {
        twoApps();

        JsonNode first = Api.json(api.get("/v1/orgs/personal/volumes?limit=1"));
        JsonNode second = Api.json(api.get("/v1/orgs/personal/volumes?limit=1&cursor="
                + first.path("next_cursor").stringValue()));

        assertThat(first.path("volumes"))
                .singleElement()
                .satisfies(v -> assertThat(v.path("app_name").stringValue()).isEqualTo("one"));
        assertThat(second.path("volumes"))
                .singleElement()
                .satisfies(v -> assertThat(v.path("app_name").stringValue()).isEqualTo("two"));
        assertThat(second.has("next_cursor")).isFalse();
    }

    @Test
    void another_org_is_not_found_and_a_bad_time_is_refused() {
        assertThat(api.get("/v1/orgs/someone-else/machines").statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/orgs/personal/volumes?updated_after=yesterday").statusCode())
                .isEqualTo(400);
    }

    @Test
    void the_platform_lists_the_regions_volumes_can_live_in() {
        JsonNode body = Api.json(api.get("/v1/platform/regions"));

        assertThat(body.path("nearest").stringValue()).isEqualTo("iad");
        assertThat(body.path("regions"))
                .extracting(r -> r.path("code").stringValue())
                .contains("iad", "ord", "fra", "syd");
        assertThat(body.path("regions").get(0).path("name").stringValue()).isNotEmpty();
    }
}

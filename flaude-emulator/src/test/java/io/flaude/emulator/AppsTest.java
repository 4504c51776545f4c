package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AppsTest extends EmulatorTestBase {
    @Test
    void create_app_answers_201_with_an_id_and_epoch_millis() {
        long before = System.currentTimeMillis();

        var response = api.post("/v1/apps", "{\"name\":\"my-app\",\"org_slug\":\"personal\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = Api.json(response);
        assertThat(body.get("id").stringValue()).matches("[a-z0-9]{16}");
        assertThat(body.get("created_at").isIntegralNumber()).isTrue();
        assertThat(body.get("created_at").longValue()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void create_app_accepts_the_legacy_app_name_field_and_the_wait_query() {
        var response = api.post("/v1/apps?wait=true", "{\"app_name\":\"legacy-app\",\"org_slug\":\"personal\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(api.get("/v1/apps/legacy-app").statusCode()).isEqualTo(200);
    }

    @Test
    void a_taken_app_name_gets_422_name_taken() {
        api.createApp("my-app");

        var response = api.post("/v1/apps", "{\"name\":\"my-app\",\"org_slug\":\"personal\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("Name has already been taken");
        assertThat(Api.json(response).get("status").stringValue()).isEqualTo("name_taken");
    }

    @Test
    void an_app_name_breaking_flys_rule_gets_400_invalid_argument() {
        for (String name : new String[] {"My-App", "1app", "app-", "a_b", "a".repeat(64)}) {
            var response = api.post("/v1/apps", "{\"name\":\"" + name + "\",\"org_slug\":\"personal\"}");
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(Api.json(response).get("error").stringValue()).startsWith("invalid_argument: ");
        }
        assertThat(api.post("/v1/apps", "{\"name\":\"" + "a".repeat(63) + "\",\"org_slug\":\"personal\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void an_unknown_org_gets_404_organization_not_found() {
        var response = api.post("/v1/apps", "{\"name\":\"my-app\",\"org_slug\":\"someone-else\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("organization not found");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_app() {
        String body = "{\"name\":\"my-app\",\"org_slug\":\"personal\",\"idempotency_key\":\"k1\"}";
        JsonNode first = Api.json(api.post("/v1/apps", body));

        var again = api.post("/v1/apps", body);
        var withoutName = api.post("/v1/apps", "{\"org_slug\":\"personal\",\"idempotency_key\":\"k1\"}");

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(Api.json(again)).isEqualTo(first);
        assertThat(Api.json(withoutName)).isEqualTo(first);
    }

    @Test
    void a_known_idempotency_key_with_another_name_is_rejected() {
        api.post("/v1/apps", "{\"name\":\"my-app\",\"org_slug\":\"personal\",\"idempotency_key\":\"k1\"}");

        var response =
                api.post("/v1/apps", "{\"name\":\"other-app\",\"org_slug\":\"personal\",\"idempotency_key\":\"k1\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(api.get("/v1/apps/other-app").statusCode()).isEqualTo(404);
    }

    @Test
    void get_app_answers_with_the_app() {
        api.createApp("my-app");
        api.createVolume("my-app");

        var response = api.get("/v1/apps/my-app");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode app = Api.json(response);
        assertThat(app.get("name").stringValue()).isEqualTo("my-app");
        assertThat(app.get("id").stringValue()).matches("[a-z0-9]{16}");
        assertThat(app.get("status").stringValue()).isIn("pending", "deployed");
        assertThat(app.get("organization").get("slug").stringValue()).isEqualTo("personal");
        assertThat(app.get("machine_count").intValue()).isZero();
        assertThat(app.get("volume_count").intValue()).isEqualTo(1);
        assertThat(app.get("network").stringValue()).isEqualTo("default");
    }

    @Test
    void get_unknown_app_gets_404_app_not_found() {
        var response = api.get("/v1/apps/ghost");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("app not found");
    }

    @Test
    void delete_app_answers_202_and_takes_its_volumes_along() {
        api.createApp("my-app");
        api.createVolume("my-app");

        var response = api.delete("/v1/apps/my-app");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(api.get("/v1/apps/my-app").statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/apps/my-app/volumes").statusCode()).isEqualTo(404);
        assertThat(api.delete("/v1/apps/my-app").statusCode()).isEqualTo(404);
    }

    @Test
    void list_apps_requires_org_slug() {
        var response = api.get("/v1/apps");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("error").stringValue()).startsWith("invalid_argument: ");
    }

    @Test
    void list_apps_answers_every_app_with_the_total() {
        api.createApp("app-a");
        api.createApp("app-b");

        JsonNode body = Api.json(api.get("/v1/apps?org_slug=personal"));

        assertThat(body.get("apps").valueStream().map(a -> a.get("name").stringValue()))
                .containsExactly("app-a", "app-b");
        assertThat(body.get("total_apps").intValue()).isEqualTo(2);
        assertThat(body.has("next_cursor")).isFalse();
    }

    @Test
    void list_apps_pages_with_limit_and_next_cursor() {
        for (String name : new String[] {"app-a", "app-b", "app-c"}) {
            api.createApp(name);
        }

        JsonNode first = Api.json(api.get("/v1/apps?org_slug=personal&limit=2"));
        JsonNode second = Api.json(api.get("/v1/apps?org_slug=personal&limit=2&cursor="
                + first.get("next_cursor").stringValue()));

        assertThat(first.get("apps").size()).isEqualTo(2);
        assertThat(first.get("total_apps").intValue()).isEqualTo(3);
        assertThat(second.get("apps").valueStream().map(a -> a.get("name").stringValue()))
                .containsExactly("app-c");
        assertThat(second.has("next_cursor")).isFalse();
    }
}

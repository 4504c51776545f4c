package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.Fault;
import org.junit.jupiter.api.Test;

class AppsTest extends EmulatorTestBase {

    @Test
    void find_is_empty_for_an_app_that_does_not_exist() {
        assertThat(fly.apps().find("no-such-app")).isEmpty();
    }

    @Test
    void create_posts_name_and_org_and_returns_the_new_id() {
        App app = fly.apps().create("new-app", "personal");

        assertThat(emulator.journal().last().requestBody())
                .isEqualTo("{\"name\":\"new-app\",\"org_slug\":\"personal\"}");
        assertThat(emulator.journal().last().status()).isEqualTo(201);
        assertThat(app.id()).isNotBlank();
        assertThat(fly.apps().find("new-app"))
                .hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(app.id()));
    }

    @Test
    void creating_a_taken_name_raises_name_taken() {
        assertThatThrownBy(() -> fly.apps().create(APP, "personal"))
                .isInstanceOfSatisfying(FlyApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(422);
                    assertThat(e.flyStatus()).contains("name_taken");
                });
    }

    @Test
    void ensure_returns_an_existing_app_without_creating() {
        App app = fly.apps().ensure(APP, "personal");

        assertThat(app.name()).isEqualTo(APP);
        assertThat(emulator.journal().matching("POST", "/v1/apps")).isEmpty();
    }

    @Test
    void ensure_creates_a_missing_app() {
        App app = fly.apps().ensure("fresh-app", "personal");

        assertThat(app.name()).isEqualTo("fresh-app");
        assertThat(fly.apps().find("fresh-app")).isPresent();
    }

    @Test
    void ensure_accepts_losing_a_create_race_to_ourselves() {
        emulator.faults().script("GET", "/v1/apps/" + APP, Fault.status(404, "{\"error\":\"app not found\"}"));

        App app = fly.apps().ensure(APP, "personal");

        assertThat(app.name()).isEqualTo(APP);
        assertThat(emulator.journal().exchanges())
                .extracting(e -> e.method() + " " + e.status())
                .containsExactly("GET 404", "POST 422", "GET 200");
    }

    @Test
    void list_returns_the_org_apps() {
        assertThat(fly.apps().list("personal")).extracting(App::name).contains(APP);
    }

    @Test
    void delete_removes_the_app_and_a_missing_one_is_already_gone() {
        assertThat(fly.apps().delete(APP, false)).isTrue();
        assertThat(fly.apps().find(APP)).isEmpty();
        assertThat(fly.apps().delete(APP, false)).isFalse();
    }
}

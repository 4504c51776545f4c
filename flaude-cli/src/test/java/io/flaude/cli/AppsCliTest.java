package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppsCliTest extends CliTestBase {

    @Test
    void ensure_creates_a_missing_app_and_is_idempotent() {
        assertThat(run("apps", "ensure", "new-app").code()).isZero();
        assertThat(run("apps", "ensure", "new-app", "--org", "personal").code()).isZero();

        assertThat(emulator.journal().matching("POST", "/v1/apps")).hasSize(1);
    }

    @Test
    void show_prints_the_app_and_json_has_its_fields() {
        assertThat(run("apps", "show", APP).out()).contains(APP).contains("personal");
        assertThat(run("apps", "show", APP, "--json").out())
                .contains("\"name\" : \"" + APP + "\"")
                .contains("\"org_slug\"");
    }

    @Test
    void show_of_a_missing_app_exits_1() {
        CliRun run = run("apps", "show", "ghost-app");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no app named ghost-app");
    }
}

package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitCodesCliTest extends CliTestBase {

    @Test
    void a_missing_app_is_a_usage_error_naming_the_flag() {
        CliRun run = run("volumes", "list");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("-a APP");
    }

    @Test
    void an_unknown_flag_is_a_usage_error() {
        assertThat(run("volumes", "list", "-a", APP, "--bogus").code()).isEqualTo(2);
    }

    @Test
    void a_bad_region_is_refused_with_exit_2_and_no_request() {
        CliRun run = run("volumes", "create", "-a", APP, "-r", "us-east-1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("invalid region 'us-east-1'");
        assertThat(emulator.journal().exchanges()).isEmpty();
    }

    @Test
    void an_api_error_exits_1_with_status_and_fly_message_on_stderr() {
        CliRun run = run("volumes", "show", "vol_missing000000000", "-a", APP);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .contains("Fly API error 404 GET")
                .contains("volume not found")
                .contains("fly-request-id");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void no_token_is_an_error_naming_FLY_API_TOKEN() {
        CliRun run = CliRun.of(Map.of("FLY_API_HOSTNAME", emulator.baseUri().toString()), "volumes", "list", "-a", APP);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("FLY_API_TOKEN");
    }

    @Test
    void the_access_token_flag_works_anywhere_and_is_never_printed() {
        try (var guarded =
                io.flaude.emulator.FlyEmulator.builder().token("the-right-one").start()) {
            CliRun wrong = CliRun.of(
                    Map.of(),
                    "volumes",
                    "list",
                    "-a",
                    APP,
                    "-t",
                    "s3cret-wrong-token",
                    "--api-url",
                    guarded.baseUri().toString(),
                    "-v");
            CliRun right = CliRun.of(
                    Map.of(),
                    "-t",
                    "the-right-one",
                    "--api-url",
                    guarded.baseUri().toString(),
                    "apps",
                    "show",
                    "nope");

            assertThat(wrong.code()).isEqualTo(1);
            assertThat(wrong.err()).contains("401").doesNotContain("s3cret-wrong-token");
            assertThat(wrong.out()).doesNotContain("s3cret-wrong-token");
            assertThat(right.err()).contains("no app named nope");
        }
    }

    @Test
    void help_lists_the_exit_codes() {
        CliRun run = run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("Exit codes:")
                .contains("volumes")
                .contains("emulator")
                .contains("demo");
    }

    @Test
    void the_environment_handed_to_the_cli_is_the_only_one_it_reads() {
        // This module's tests run with FLY_API_TOKEN and FLY_API_HOSTNAME set in the process (see its pom).
        assertThat(System.getenv("FLY_API_TOKEN")).isNotBlank();

        CliRun r = CliRun.of(Map.of(), "volumes", "list", "-a", APP);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No Fly API token");
    }
}

package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/bad-input.md, row by row: each bad input is refused with exit 2, a message that says what is
 * allowed, and no request to the API.
 */
class BadInputCliTest extends CliTestBase {

    private CliRun agentRun(String... args) {
        Map<String, String> withToken = new HashMap<>(env);
        withToken.put("CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat-bad-input");
        return CliRun.of(withToken, args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "volumes create -a cli-app -r xxx                           | unknown region 'xxx'",
                "volumes create BAD-NAME -a cli-app                         | use 1-30 lowercase letters",
                "volumes create -a cli-app -s 0                             | size",
                "volumes create -a cli-app --fork-from vol_abcdefgh12345678 --snapshot-id vs_abc | cannot be combined",
                "volumes extend vol_abcdefgh12345678 -a cli-app -s +0       | changes nothing",
                "volumes extend vol_abcdefgh12345678 -a cli-app -s big      | whole number of GB",
                "volumes destroy not-a-volume -a cli-app                    | volume id",
                "volumes list -a Bad_App                                    | app name",
                "machines show NOT/AN/ID -a cli-app                         | machine id",
                "logs NOT/AN/ID -a cli-app                                  | machine id"
            })
    void a_bad_value_is_refused_with_exit_2_and_no_request(String args, String message) {
        CliRun r = run(args.strip().split("\\s+"));

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(emulator.journal().exchanges()).as("no request").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "run -a cli-app --prompt x --env =v                              | invalid env name ''",
                "run -a cli-app --prompt x --repo not-a-url                      | invalid repo url 'not-a-url'",
                "run -a cli-app --prompt x -r xxx                                | unknown region 'xxx'",
                "run -a cli-app --prompt x --output-format yaml                  | use text, json or stream-json",
                "sessions create -a cli-app --prompt x --ttl 0s                  | the ttl must be positive",
                "sessions create -a cli-app --prompt x --ttl 0                   | is not a duration",
                "sessions create -a cli-app --prompt x --idle-timeout 0s         | the idle timeout must be positive"
            })
    void a_bad_agent_option_is_refused_with_exit_2_and_no_request(String args, String message) {
        CliRun r = agentRun(args.strip().split("\\s+"));

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(emulator.journal().exchanges()).as("no request").isEmpty();
    }

    @Test
    void an_api_url_without_a_scheme_is_refused_instead_of_guessing_https_and_hanging() {
        CliRun r = run("--api-url", "127.0.0.1:4280", "volumes", "list", "-a", APP);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("has no scheme: write http://127.0.0.1:4280 or https://127.0.0.1:4280");
    }

    @Test
    void a_usage_error_is_one_line_and_a_pointer_not_the_whole_help() {
        CliRun r = run("volumes", "list", "--no-such-flag");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err())
                .startsWith("Error: Unknown option: '--no-such-flag'")
                .contains("Try 'flaude volumes list --help'");
    }

    @Test
    void stream_json_is_accepted_as_claude_spells_it() {
        CliRun r = agentRun("run", "-a", APP, "--prompt", "x", "--output-format", "stream-json", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(emulator.journal()
                        .matching("POST", "/v1/apps/*/machines")
                        .get(0)
                        .requestBody())
                .contains("\"FLAUDE_OUTPUT_FORMAT\":\"stream-json\"");
    }

    @Test
    void a_missing_claude_token_is_a_usage_error_before_any_request() {
        CliRun r = run("run", "-a", APP, "--prompt", "x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("CLAUDE_CODE_OAUTH_TOKEN");
        assertThat(emulator.journal().exchanges()).isEmpty();
    }

    @Test
    void sessions_list_and_show_need_no_fly_token() {
        CliRun list = CliRun.of(
                Map.of(
                        "FLAUDE_HOME",
                        env.getOrDefault(
                                "FLAUDE_HOME",
                                System.getProperty("java.io.tmpdir") + "/flaude-bad-input-"
                                        + ProcessHandle.current().pid())),
                "sessions",
                "list",
                "--json");

        assertThat(list.code()).as(list.err()).isZero();
    }

    @Test
    void a_typoed_session_id_on_destroy_is_an_error_not_already_gone() {
        Map<String, String> home = new HashMap<>(env);
        home.put(
                "FLAUDE_HOME",
                System.getProperty("java.io.tmpdir") + "/flaude-typo-"
                        + ProcessHandle.current().pid());
        CliRun r = CliRun.of(home, "sessions", "destroy", "00000000-0000-4000-8000-00000000dead");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no session 00000000-0000-4000-8000-00000000dead in the session store");
    }

    @Test
    void the_destroy_commands_print_json_when_asked() {
        var v = fly.volumes(APP).create();

        CliRun r = run("volumes", "destroy", v.id(), "-a", APP, "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"volume_id\" : \"" + v.id() + "\"").contains("\"destroyed\" : true");
    }

    @Test
    void a_fork_without_a_size_region_or_name_copies_the_sources() {
        var source = fly.volumes(APP)
                .create(io.flaude.fly.VolumeSpec.builder()
                        .name("src")
                        .region("ord")
                        .sizeGb(3)
                        .build());

        CliRun r = run("volumes", "create", "-a", APP, "--fork-from", source.id(), "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("\"name\" : \"src\"")
                .contains("\"region\" : \"ord\"")
                .contains("\"size_gb\" : 3");
    }

    @Test
    void demo_refuses_an_api_url_it_would_not_use() {
        CliRun r = run("--api-url", "http://127.0.0.1:9", "demo");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("embedded emulator");
    }

    @Test
    void apps_show_honours_the_org() {
        CliRun r = run("apps", "show", APP, "-o", "someone-else");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no app named " + APP + " in org someone-else");
    }
}

package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.VolumeListOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** run, sessions and machines through the command line, with the session store under a temporary FLAUDE_HOME. */
@FlyEmulatorTest(detachDelayMs = 200)
class SessionsCliTest {
    private static final String APP = "cli-agents";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    FlyEmulator emulator;
    FlyClient fly;
    Map<String, String> env;

    @BeforeEach
    void connect() {
        fly = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .build();
        fly.apps().create(APP, Apps.DEFAULT_ORG);
        env = new HashMap<>(Map.of(
                "FLY_API_TOKEN",
                emulator.token(),
                "FLY_API_HOSTNAME",
                emulator.baseUri().toString(),
                "CLAUDE_CODE_OAUTH_TOKEN",
                "sk-ant-oat-cli-secret",
                "FLAUDE_HOME",
                home.toString()));
    }

    @AfterEach
    void disconnect() {
        fly.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    private JsonNode json(CliRun run) {
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void flaude_image_names_the_image_when_no_image_flag_is_given() {
        env.put("FLAUDE_IMAGE", "registry.example.com/me/flaude-agent:mine");

        CliRun r = run("run", "-a", APP, "--prompt", "hi");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(emulator.journal()
                        .matching("POST", "/v1/apps/*/machines")
                        .getFirst()
                        .requestBody())
                .contains("registry.example.com/me/flaude-agent:mine");
    }

    @Test
    void a_rotated_claude_token_is_used_from_the_next_turn_on() {
        String id = json(run("sessions", "create", "-a", APP, "--prompt", "one", "--json"))
                .path("session_id")
                .asString();
        env.put("CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat-rotated");

        CliRun r = run("sessions", "turn", id, "--prompt", "two");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/secrets"))
                .as("create, then the rotation")
                .hasSize(2);
    }

    @Test
    void run_prints_the_agents_output_and_leaves_no_machine() {
        CliRun r = run("run", "-a", APP, "--prompt", "say hi");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .as("Claude's answer on stdout")
                .contains("You said: \"say hi\"")
                .doesNotContain("[flaude");
        assertThat(r.err()).as("flaude's own lines on stderr").contains("[flaude:exit:0]");
        assertThat(fly.machines(APP).list()).allMatch(m -> m.isGone());
    }

    @Test
    void a_failed_run_exits_1_and_json_has_the_exit_code() {
        CliRun r = run("run", "-a", APP, "--prompt", "fail", "--env", "FLAUDE_EMULATOR_EXIT=4", "--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("exit code 4");
        assertThat(JSON.readTree(r.out()).path("exit_code").asInt()).isEqualTo(4);
    }

    @Test
    void no_claude_token_is_a_usage_error_naming_the_variable() {
        env.remove("CLAUDE_CODE_OAUTH_TOKEN");

        CliRun r = run("run", "-a", APP, "--prompt", "hi");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("CLAUDE_CODE_OAUTH_TOKEN");
    }

    @Test
    void the_claude_token_never_appears_in_any_output() {
        CliRun r = run("sessions", "create", "-a", APP, "--prompt", "hi", "--json", "-v");

        assertThat(r.out() + r.err()).doesNotContain("sk-ant-oat-cli-secret");
    }

    @Test
    void a_session_is_created_turned_listed_shown_and_destroyed() {
        JsonNode created =
                json(run("sessions", "create", "-a", APP, "--prompt", "remember 7", "--ttl", "2h", "--json"));
        String id = created.path("session_id").asString();
        assertThat(created.path("machine_id").asString()).isNotBlank();
        assertThat(created.path("volume_id").asString()).startsWith("vol_");
        assertThat(created.path("app_name").asString()).isEqualTo(APP);
        assertThat(created.path("ttl_seconds").asInt()).isEqualTo(7200);
        assertThat(created.path("exit_code").asInt()).isZero();

        JsonNode turn = json(run("sessions", "turn", id, "--prompt", "which number?", "--json"));
        assertThat(turn.path("output").toString()).contains("1 earlier turn");
        assertThat(turn.path("turn_state").asString()).isEqualTo("succeeded");

        assertThat(json(run("sessions", "list", "--json"))).hasSize(1);
        assertThat(json(run("sessions", "show", id, "--json")).path("state").asString())
                .isEqualTo("idle");
        assertThat(run("sessions", "destroy", id).out()).contains("Destroyed session " + id);
        assertThat(fly.volumes(APP).list(VolumeListOptions.LIVE)).isEmpty();
        CliRun again = run("sessions", "destroy", id);
        assertThat(again.code())
                .as("the store no longer knows it: a typo reads the same, so it is an error")
                .isEqualTo(1);
        assertThat(again.err()).contains("no session " + id);
    }

    @Test
    void a_failed_turn_exits_1() {
        String id = json(run("sessions", "create", "-a", APP, "--prompt", "hi", "--json"))
                .path("session_id")
                .asString();

        CliRun r = run("sessions", "turn", id, "--prompt", "fail", "--env", "FLAUDE_EMULATOR_EXIT=9");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("exit code 9");
    }

    @Test
    void create_with_json_prints_the_failed_first_turn_and_that_it_was_rolled_back() {
        CliRun r =
                run("sessions", "create", "-a", APP, "--prompt", "fail", "--env", "FLAUDE_EMULATOR_EXIT=4", "--json");

        assertThat(r.code()).isEqualTo(1);
        var printed = JSON.readTree(r.out());
        assertThat(printed.path("session_id").isNull()).isTrue();
        assertThat(printed.path("rolled_back").asBoolean()).isTrue();
        assertThat(printed.path("exit_code").asInt()).isEqualTo(4);
        assertThat(printed.path("outcome").asString()).isEqualTo("exited_non_zero");
    }

    @Test
    void reap_dry_run_reports_and_keeps() {
        String id = json(run("sessions", "create", "-a", APP, "--prompt", "hi", "--ttl", "1ms", "--json"))
                .path("session_id")
                .asString();

        CliRun dry = run("sessions", "reap", "-a", APP, "--dry-run");

        assertThat(dry.code()).isZero();
        assertThat(dry.out())
                .contains(id)
                .contains("expired: ttl")
                .contains("destroy")
                .contains("planned (dry run)");
        assertThat(json(run("sessions", "list", "--json"))).hasSize(1);
        assertThat(run("sessions", "reap", "-a", APP).code()).isZero();
        assertThat(json(run("sessions", "list", "--json"))).isEmpty();
    }

    @Test
    void machines_list_show_and_destroy() {
        String id = json(run("sessions", "create", "-a", APP, "--prompt", "hi", "--json"))
                .path("machine_id")
                .asString();

        assertThat(json(run("machines", "list", "-a", APP, "--json"))).hasSize(1);
        assertThat(json(run("machines", "show", id, "-a", APP, "--json"))
                        .path("state")
                        .asString())
                .isEqualTo("stopped");
        assertThat(run("machines", "destroy", id, "-a", APP).out()).contains("Destroyed machine " + id);
        assertThat(run("machines", "destroy", id, "-a", APP).code()).isZero();
    }
}

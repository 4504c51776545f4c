package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flaude batch: a prompts file run at once, each result reported, nothing left. */
class BatchCliTest extends CliTestBase {
    @TempDir
    Path dir;

    private CliRun batch(String file, String... more) throws IOException {
        Path prompts = Files.writeString(dir.resolve("prompts.txt"), file);
        Map<String, String> withToken = new HashMap<>(env);
        withToken.put("CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat-batch");
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"batch", "-a", APP, "--prompts-file=" + prompts}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(withToken, args);
    }

    @Test
    void every_line_runs_and_a_failing_one_makes_the_exit_code_1() throws IOException {
        CliRun r = batch(
                """
                first prompt
                # a comment
                {"prompt": "second", "env": {"FLAUDE_EMULATOR_EXIT": "3"}}

                third prompt
                """);

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out())
                .contains("#0 ok  first prompt")
                .contains("#1 failed: exited_non_zero (exit code 3)  second")
                .contains("#2 ok  third prompt")
                .contains("2 of 3 runs succeeded");
        assertThat(fly.machines(APP).list()).allMatch(m -> m.isGone());
    }

    @Test
    void json_lists_every_run() throws IOException {
        CliRun r = batch("one\ntwo\n", "--json", "-c", "2");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"succeeded\" : 2").contains("\"prompt\" : \"two\"");
    }

    @Test
    void a_bad_line_is_refused_before_any_request() throws IOException {
        CliRun r = batch("{\"prompt\": 7}\n");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 1 of --prompts-file needs a \"prompt\" string");
        assertThat(emulator.journal().exchanges()).isEmpty();
    }

    @Test
    void the_image_comes_from_FLAUDE_IMAGE_and_env_from_the_flags_as_for_run() throws IOException {
        env = new HashMap<>(env);
        env.put("FLAUDE_IMAGE", "registry.example/me/flaude-agent:mine");

        CliRun r = batch("one\n{\"prompt\": \"two\", \"env\": {\"ONLY_TWO\": \"2\"}}\n", "--env", "EVERY_RUN=yes");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines"))
                .hasSize(2)
                .allSatisfy(create -> {
                    assertThat(create.requestBody())
                            .contains("\"image\":\"registry.example/me/flaude-agent:mine\"")
                            .contains("\"EVERY_RUN\":\"yes\"");
                });
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/machines"))
                .filteredOn(create -> create.requestBody().contains("\"ONLY_TWO\":\"2\""))
                .hasSize(1);
    }
}

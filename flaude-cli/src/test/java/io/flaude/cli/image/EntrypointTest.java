package io.flaude.cli.image;

import static io.flaude.cli.image.EntrypointHarness.GITHUB_TOKEN;
import static io.flaude.cli.image.EntrypointHarness.TOKEN;
import static io.flaude.cli.image.TestFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.cli.image.EntrypointHarness.Call;
import io.flaude.cli.image.EntrypointHarness.Run;
import io.flaude.emulator.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The real {@code image/entrypoint.sh}, run by bash against stub git/claude/runuser/chown. */
class EntrypointTest {
    static final String SESSION = "3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b";
    static final String REPO_URL = "https://github.com/acme/widgets.git";

    @TempDir
    Path tmp;

    EntrypointHarness h;

    @BeforeEach
    void setUp() {
        h = new EntrypointHarness(tmp);
    }

    @Nested
    class Configuration {
        @Test
        void missing_oauth_token_is_reported_and_claude_never_runs() {
            Run run = h.env("CLAUDE_CODE_OAUTH_TOKEN", null).run();

            assertThat(run.lines())
                    .containsExactly(
                            "[flaude:error] missing required environment: CLAUDE_CODE_OAUTH_TOKEN", "[flaude:exit:2]");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(h.calls("claude")).isEmpty();
        }

        @Test
        void missing_prompt_is_reported_with_a_nonzero_exit_marker() {
            Run run = h.env("FLAUDE_PROMPT", "").run();

            assertThat(run.lines())
                    .containsExactly("[flaude:error] missing required environment: FLAUDE_PROMPT", "[flaude:exit:2]");
            assertThat(run.exitCode()).isEqualTo(2);
        }

        @Test
        void repos_that_are_not_json_are_reported_with_the_exit_marker() {
            Run run = h.env("FLAUDE_REPOS", "[{\"url\": ").run();

            assertThat(run.lines().getFirst()).startsWith("[flaude:error] FLAUDE_REPOS is invalid: ");
            assertThat(run.lastLine()).isEqualTo("[flaude:exit:2]");
            assertThat(run.exitCode()).isEqualTo(2);
        }

        @Test
        void repos_element_without_url_is_rejected() {
            Run run = h.env("FLAUDE_REPOS", "[{\"branch\": \"main\"}]").run();

            assertThat(run.lines())
                    .containsExactly(
                            "[flaude:error] FLAUDE_REPOS is invalid: FLAUDE_REPOS[0] has no url", "[flaude:exit:2]");
        }

        @Test
        void unknown_output_format_is_rejected() {
            Run run = h.env("FLAUDE_OUTPUT_FORMAT", "yaml").run();

            assertThat(run.lines())
                    .containsExactly(
                            "[flaude:error] FLAUDE_OUTPUT_FORMAT must be text, json or stream-json, not 'yaml'",
                            "[flaude:exit:2]");
        }

        @Test
        void target_dir_outside_the_workspace_is_rejected() {
            Run run = h.env("FLAUDE_REPOS", "[{\"url\": \"" + REPO_URL + "\", \"target_dir\": \"../escape\"}]")
                    .run();

            assertThat(run.lines().getFirst()).startsWith("[flaude:error] repo directory '../escape'");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(h.calls("git")).isEmpty();
        }

        @Test
        void session_id_with_path_characters_is_rejected() {
            Run run = h.env("FLAUDE_SESSION_ID", "../../etc").run();

            assertThat(run.lines().getFirst()).startsWith("[flaude:error] FLAUDE_SESSION_ID may hold only");
            assertThat(run.exitCode()).isEqualTo(2);
        }

        @Test
        void secrets_and_prompt_can_come_from_files() throws IOException {
            Path tokenFile = Files.writeString(tmp.resolve("token"), TOKEN + "\n");
            Path promptFile = Files.writeString(tmp.resolve("prompt"), "from a file");
            h.env("CLAUDE_CODE_OAUTH_TOKEN", null)
                    .env("CLAUDE_CODE_OAUTH_TOKEN_FILE", tokenFile.toString())
                    .env("FLAUDE_PROMPT", null)
                    .env("FLAUDE_PROMPT_FILE", promptFile.toString());

            Run run = h.run();

            assertThat(run.exitCode()).isZero();
            assertThat(h.claude().argv()).endsWith("--", "from a file");
        }
    }

    @Nested
    class Cloning {
        @Test
        void repos_are_cloned_shallow_with_branch_into_target_dir() {
            h.env(
                    "FLAUDE_REPOS",
                    "[{\"url\": \"" + REPO_URL + "\", \"branch\": \"release/2\", \"target_dir\": \"src/w\"}]");

            Run run = h.run();

            assertThat(run.exitCode()).isZero();
            List<String> argv = h.calls("git").getFirst().argv();
            assertThat(argv.subList(0, argv.size() - 1))
                    .containsExactly("clone", "--depth", "1", "--branch", "release/2", "--", REPO_URL);
            assertThat(read(h.workspace.resolve("src/w/CLONED_FROM"))).isEqualTo(REPO_URL + "\n");
        }

        @Test
        void plain_string_repo_is_cloned_into_the_name_from_its_url_without_branch() {
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]");

            h.run();

            assertThat(h.calls("git").getFirst().argv()).doesNotContain("--branch");
            assertThat(h.workspace.resolve("widgets/CLONED_FROM")).exists();
        }

        @Test
        void one_repo_becomes_the_working_dir() {
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]");

            h.run();

            assertThat(h.claude().cwd()).isEqualTo(h.workspace.resolve("widgets"));
        }

        @Test
        void several_repos_leave_the_workspace_root_as_working_dir() {
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\", \"https://github.com/acme/gadgets\"]");

            h.run();

            assertThat(h.calls("git")).hasSize(2);
            assertThat(h.claude().cwd()).isEqualTo(h.workspace);
        }

        @Test
        void failed_clone_is_reported_and_leaves_no_repo_dir() {
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]").env("STUB_GIT", "fail");

            Run run = h.run();

            assertThat(run.lines()).contains("[flaude:error] git clone of " + REPO_URL + " failed");
            assertThat(run.lastLine()).isEqualTo("[flaude:exit:3]");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(h.workspace.resolve("widgets")).doesNotExist();
            assertThat(h.calls("claude")).isEmpty();
        }

        @Test
        void complete_clone_is_skipped_on_a_later_turn() {
            h.session(SESSION, "vol");
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]");
            h.run();

            Run second = h.run();

            assertThat(h.calls("git")).hasSize(1);
            assertThat(second.manifest().at("/repos/0/status").asString()).isEqualTo("present");
        }

        @Test
        void clone_that_failed_on_an_earlier_turn_is_done_on_the_next() {
            h.session(SESSION, "vol");
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]").env("STUB_GIT", "fail");
            h.run();

            Run second = h.env("STUB_GIT", null).run();

            Path repo = tmp.resolve("vol/workspace/widgets");
            assertThat(second.exitCode()).isZero();
            assertThat(repo.resolve("CLONED_FROM")).exists();
            assertThat(repo.resolve("HALF_DONE")).doesNotExist();
        }

        @Test
        void repo_dir_without_the_completion_marker_is_cloned_again() throws IOException {
            Path mount = h.session(SESSION, "vol");
            Path halfDone = Files.createDirectories(mount.resolve("workspace/widgets/.git"));
            Files.writeString(halfDone.resolveSibling("HALF_DONE"), "killed mid-clone");
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]");

            Run run = h.run();

            assertThat(h.calls("git")).hasSize(1);
            assertThat(mount.resolve("workspace/widgets/HALF_DONE")).doesNotExist();
            assertThat(run.manifest().at("/repos/0/status").asString()).isEqualTo("cloned");
        }

        @Test
        void leftover_partial_clone_dir_is_removed_before_cloning() throws IOException {
            Path mount = h.session(SESSION, "vol");
            Path partial = Files.createDirectories(mount.resolve("workspace/.flaude-partial.widgets/.git"));
            Files.writeString(partial.resolveSibling("HALF_DONE"), "machine died here");
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]");

            h.run();

            assertThat(mount.resolve("workspace/.flaude-partial.widgets")).doesNotExist();
            assertThat(mount.resolve("workspace/widgets/HALF_DONE")).doesNotExist();
            assertThat(mount.resolve("workspace/widgets/CLONED_FROM")).exists();
        }
    }

    @Nested
    class Credentials {
        @Test
        void github_token_reaches_git_through_a_credential_helper_scoped_to_github() {
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]")
                    .env("GITHUB_USERNAME", "octocat")
                    .env("GITHUB_TOKEN", GITHUB_TOKEN);

            h.run();

            Call git = h.calls("git").getFirst();
            assertThat(git.env())
                    .containsEntry("GIT_CONFIG_COUNT", "1")
                    .containsEntry("GIT_CONFIG_KEY_0", "credential.https://github.com.helper")
                    .containsEntry("GIT_TERMINAL_PROMPT", "0");
            assertThat(read(h.rec.resolve("credential-helper.out")))
                    .isEqualTo("username=octocat\npassword=" + GITHUB_TOKEN + "\n");
        }

        @Test
        void tokens_appear_in_no_output_and_no_recorded_argv_even_when_git_prints_them() {
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]")
                    .env("STUB_GIT", "fail")
                    .env("GITHUB_USERNAME", "octocat")
                    .env("GITHUB_TOKEN", GITHUB_TOKEN);

            Run run = h.run();

            assertThat(run.output())
                    .contains("[flaude] git: fatal: unable to access 'https://github.com/o/r/'")
                    .doesNotContain(GITHUB_TOKEN)
                    .doesNotContain(TOKEN);
            assertThat(h.allRecordedArgv()).doesNotContain(GITHUB_TOKEN).doesNotContain(TOKEN);
        }

        @Test
        void credentials_inside_a_repo_url_are_stripped_from_printed_lines_and_manifest() {
            h.env("FLAUDE_REPOS", "[\"https://octocat:" + GITHUB_TOKEN + "@github.com/acme/widgets.git\"]");

            Run run = h.run();

            assertThat(run.output()).doesNotContain(GITHUB_TOKEN).doesNotContain("octocat");
            assertThat(run.manifest().at("/repos/0/url").asString()).isEqualTo(REPO_URL);
        }
    }

    @Nested
    class Sessions {
        @Test
        void first_turn_starts_the_session_with_session_id() {
            h.session(SESSION, "vol");

            Run run = h.run();

            assertThat(h.claude().after("--session-id")).isEqualTo(SESSION);
            assertThat(h.claude().argv()).doesNotContain("--resume");
            assertThat(run.manifest().get("turn").asString()).isEqualTo("first");
        }

        @Test
        void later_turn_resumes_the_session_once_its_transcript_exists() {
            h.session(SESSION, "vol");
            h.run();

            Run second = h.run();

            Call resumed = h.calls("claude").get(1);
            assertThat(resumed.after("--resume")).isEqualTo(SESSION);
            assertThat(resumed.argv()).doesNotContain("--session-id");
            assertThat(second.manifest().get("turn").asString()).isEqualTo("resume");
            assertThat(second.exitCode()).isZero();
        }

        @Test
        void turn_that_failed_before_claude_wrote_a_transcript_is_started_again_not_resumed() {
            h.session(SESSION, "vol");
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]")
                    .env("STUB_GIT", "fail")
                    .run();

            h.env("STUB_GIT", null).run();

            assertThat(h.claude().after("--session-id")).isEqualTo(SESSION);
        }

        @Test
        void custom_mount_path_holds_config_workspace_and_cwd_file() {
            Path mount = h.session(SESSION, "mnt/session-vol");

            h.run();

            Call claude = h.claude();
            assertThat(claude.env())
                    .containsEntry("CLAUDE_CONFIG_DIR", mount.resolve("claude").toString());
            assertThat(claude.cwd()).isEqualTo(mount.resolve("workspace"));
            assertThat(read(mount.resolve(".flaude_cwd"))).isEqualTo(mount.resolve("workspace") + "\n");
        }

        @Test
        void mount_defaults_to_the_parent_of_claude_config_dir() throws IOException {
            Path mount = Files.createDirectories(tmp.resolve("vol"));
            h.env("FLAUDE_SESSION_ID", SESSION)
                    .env("CLAUDE_CONFIG_DIR", mount.resolve("cfg").toString());

            h.run();

            assertThat(h.claude().cwd()).isEqualTo(mount.resolve("workspace"));
            assertThat(mount.resolve(".flaude_cwd")).exists();
        }

        @Test
        void missing_mount_is_an_error_rather_than_a_silent_oneshot() {
            h.env("FLAUDE_SESSION_ID", SESSION)
                    .env("FLAUDE_MOUNT_PATH", tmp.resolve("not-mounted").toString());

            Run run = h.run();

            assertThat(run.lines().getFirst()).startsWith("[flaude:error] session mode needs the volume mounted at ");
            assertThat(run.exitCode()).isEqualTo(2);
        }

        @Test
        void working_dir_is_kept_across_turns_even_when_repos_change() {
            Path mount = h.session(SESSION, "vol");
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]").run();

            Run second = h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\", \"https://github.com/acme/gadgets\"]")
                    .run();

            Path repo = mount.resolve("workspace/widgets");
            assertThat(h.calls("claude").get(1).cwd()).isEqualTo(repo);
            assertThat(second.manifest().get("workdir").asString()).isEqualTo(repo.toString());
            assertThat(second.exitCode()).isZero();
        }
    }

    @Nested
    class Invocation {
        @Test
        void manifest_is_one_compact_json_line_with_the_documented_fields() {
            Path mount = h.session(SESSION, "vol");
            h.env("FLAUDE_REPOS", "[{\"url\": \"" + REPO_URL + "\", \"branch\": \"main\"}]")
                    .env("FLAUDE_OUTPUT_FORMAT", "json");

            JsonNode m = h.run().manifest();

            assertThat(m.get("mode").asString()).isEqualTo("session");
            assertThat(m.get("session_id").asString()).isEqualTo(SESSION);
            assertThat(m.get("turn").asString()).isEqualTo("first");
            assertThat(m.get("workdir").asString())
                    .isEqualTo(mount.resolve("workspace/widgets").toString());
            assertThat(m.get("output_format").asString()).isEqualTo("json");
            JsonNode repo = m.get("repos").get(0);
            assertThat(repo.get("url").asString()).isEqualTo(REPO_URL);
            assertThat(repo.get("branch").asString()).isEqualTo("main");
            assertThat(repo.get("dir").asString())
                    .isEqualTo(mount.resolve("workspace/widgets").toString());
        }

        @Test
        void oneshot_manifest_has_no_session_and_no_turn() {
            JsonNode m = h.run().manifest();

            assertThat(m.get("mode").asString()).isEqualTo("oneshot");
            assertThat(m.get("session_id").isNull()).isTrue();
            assertThat(m.get("turn").isNull()).isTrue();
            assertThat(m.get("workdir").asString()).isEqualTo(h.workspace.toString());
            assertThat(m.get("repos").size()).isZero();
        }

        @Test
        void last_line_is_the_exit_marker_with_claudes_exit_code() {
            Run run = h.env("STUB_CLAUDE_EXIT", "7").run();

            assertThat(run.stdout()).contains("claude says hi\n");
            assertThat(run.lastLine()).isEqualTo("[flaude:exit:7]");
            assertThat(run.exitCode()).isEqualTo(7);
        }

        @Test
        void unexpected_failure_is_named_and_still_ends_with_the_exit_marker() throws IOException {
            Path notADir = Files.writeString(tmp.resolve("a-file"), "");
            h.env("FLAUDE_WORKSPACE", notADir.resolve("ws").toString());

            Run run = h.run();

            assertThat(run.lines()).hasSize(2);
            assertThat(run.lines().getFirst())
                    .matches("\\[flaude:error] unexpected failure \\(exit 1\\) at line \\d+: mkdir -p -- \"\\$1\"");
            assertThat(run.lastLine()).isEqualTo("[flaude:exit:1]");
            assertThat(run.exitCode()).isEqualTo(1);
        }

        @Test
        void exit_marker_starts_its_own_line_when_claude_output_lacks_a_newline() {
            Run run = h.env("STUB_CLAUDE_NO_NEWLINE", "1").run();

            assertThat(run.lines()).contains("claude says hi");
            assertThat(run.lastLine()).isEqualTo("[flaude:exit:0]");
        }

        @Test
        void claude_runs_in_print_mode_with_the_prompt_after_double_dash() {
            h.env("FLAUDE_PROMPT", "--help me delete -rf nothing");

            h.run();

            assertThat(h.claude().argv())
                    .containsExactly("-p", "--output-format", "text", "--", "--help me delete -rf nothing");
        }

        @Test
        void stream_json_output_adds_verbose() {
            h.env("FLAUDE_OUTPUT_FORMAT", "stream-json");

            h.run();

            assertThat(h.claude().argv()).containsSubsequence("--output-format", "stream-json", "--verbose", "--");
        }

        @Test
        void permission_mode_is_passed_when_set() {
            h.env("FLAUDE_PERMISSION_MODE", "acceptEdits");

            h.run();

            assertThat(h.claude().after("--permission-mode")).isEqualTo("acceptEdits");
        }

        @Test
        void sigterm_is_forwarded_to_claude_and_the_exit_marker_is_still_last() throws Exception {
            h.env("STUB_CLAUDE_SLEEP", "10");
            Process p = h.start();
            Path started = h.rec.resolve("claude-started");
            Await.until("the claude stub's start", java.time.Duration.ofSeconds(10), () -> Files.exists(started));
            p.destroy();

            assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
            List<String> lines = read(tmp.resolve("started.out")).lines().toList();
            assertThat(lines).contains("claude got TERM");
            assertThat(lines.getLast()).isEqualTo("[flaude:exit:143]");
            assertThat(p.exitValue()).isEqualTo(143);
        }
    }

    @Nested
    class Privileges {
        @Test
        void as_root_claude_runs_through_runuser_as_the_claude_user() {
            h.env("FLAUDE_TEST_UID", "0");

            h.run();

            Call runuser = h.calls("runuser").getLast();
            assertThat(runuser.argv()).startsWith("-u", "claude", "--", "claude", "-p");
            assertThat(h.claude().argv()).startsWith("-p");
        }

        @Test
        void as_root_the_run_as_user_can_be_changed() {
            h.env("FLAUDE_TEST_UID", "0").env("FLAUDE_RUN_AS", "agent");

            h.run();

            assertThat(h.calls("runuser").getLast().argv()).startsWith("-u", "agent", "--", "claude");
        }

        @Test
        void as_non_root_nothing_goes_through_runuser_or_chown() {
            h.env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]");
            h.session(SESSION, "vol");

            h.run();

            assertThat(h.calls("runuser")).isEmpty();
            assertThat(h.calls("chown")).isEmpty();
            assertThat(h.claude().argv()).startsWith("-p");
        }

        @Test
        void as_root_clones_run_as_the_claude_user() {
            h.env("FLAUDE_TEST_UID", "0").env("FLAUDE_REPOS", "[\"" + REPO_URL + "\"]");

            h.run();

            assertThat(h.calls("runuser").getFirst().argv()).startsWith("-u", "claude", "--", "git", "clone");
        }

        @Test
        void as_root_only_new_dirs_are_given_to_claude_and_never_recursively() {
            Path mount = h.session(SESSION, "vol");
            h.env("FLAUDE_TEST_UID", "0")
                    .env("FLAUDE_REPOS", "[{\"url\": \"" + REPO_URL + "\", \"target_dir\": \"a/b\"}]");

            h.run();
            int afterFirstTurn = h.calls("chown").size();
            h.run();

            assertThat(h.calls("chown"))
                    .extracting(Call::argv)
                    .containsExactly(
                            List.of("--", "claude:", mount.resolve("claude").toString()),
                            List.of("--", "claude:", mount.resolve("workspace").toString()),
                            List.of(
                                    "--",
                                    "claude:",
                                    mount.resolve("workspace/a").toString()));
            assertThat(h.calls("chown")).hasSize(afterFirstTurn);
        }
    }
}

package io.flaude.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.cli.FlaudeCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flaude image build/push} against a stub docker named by {@code FLAUDE_DOCKER}; no engine needed. */
class ImageCommandTest {
    static final String DAEMON_DOWN =
            "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?";
    static final String NO_ENGINE_HINT = "); build the image on a machine with Docker, see docs/image.md";

    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** A docker stub: {@code info} exits with {@code infoExit} (printing DAEMON_DOWN when non-zero); others exit with {@code exit}. */
    void stubDocker(int infoExit, int exit) {
        Path stub = TestFiles.writeExecutable(
                tmp.resolve("bin"),
                "docker",
                """
                #!/bin/sh
                printf '%%s\\n' "$@" >"%1$s/$1.argv"
                if [ "$1" = info ]; then
                  [ %2$d = 0 ] || echo '%4$s' >&2
                  exit %2$d
                fi
                echo "docker $1 says hello"
                exit %3$d
                """
                        .formatted(tmp, infoExit, exit, DAEMON_DOWN));
        env.put(ImageCommand.DOCKER_ENV, stub.toString());
    }

    int execute(Path workingDir, String... args) {
        CommandLine cli = new CommandLine(new ImageCommand(env, workingDir));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    int execute(String... args) {
        return execute(tmp, args);
    }

    List<String> recorded(String dockerCommand) {
        Path file = tmp.resolve(dockerCommand + ".argv");
        return Files.exists(file) ? TestFiles.read(file).lines().toList() : List.of();
    }

    @Test
    void bare_image_command_prints_usage_with_both_subcommands_and_the_default_image() {
        int code = execute();

        assertThat(code).isZero();
        assertThat(out.toString()).contains("build", "push", ImageCommand.DEFAULT_IMAGE);
    }

    @Test
    void build_without_a_docker_binary_reports_that_no_engine_is_reachable() {
        env.put(ImageCommand.DOCKER_ENV, tmp.resolve("no/such/docker").toString());

        int code = execute("build", "--context", TestFiles.REPO_ROOT.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip())
                .startsWith("flaude: no container engine reachable (docker info failed: Cannot run program ")
                .endsWith(NO_ENGINE_HINT);
    }

    @Test
    void build_with_an_unreachable_engine_names_dockers_error_and_builds_nothing() {
        stubDocker(1, 0);

        int code = execute("build", "--context", TestFiles.REPO_ROOT.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo(
                        "flaude: no container engine reachable (docker info failed: " + DAEMON_DOWN + NO_ENGINE_HINT);
        assertThat(recorded("build")).isEmpty();
    }

    @Test
    void push_with_an_unreachable_engine_pushes_nothing() {
        stubDocker(1, 0);

        int code = execute("push");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("flaude: no container engine reachable");
        assertThat(recorded("push")).isEmpty();
    }

    @Test
    void build_runs_docker_build_with_the_tag_on_the_image_dir_of_the_context() {
        stubDocker(0, 0);

        int code = execute("build", "--tag", "registry.fly.io/my-app:v1", "--context", TestFiles.REPO_ROOT.toString());

        assertThat(code).isZero();
        assertThat(recorded("build"))
                .containsExactly(
                        "build",
                        "--platform",
                        "linux/amd64",
                        "-t",
                        "registry.fly.io/my-app:v1",
                        TestFiles.REPO_ROOT.resolve("image").toString());
        assertThat(out.toString()).contains("docker build says hello");
    }

    @Test
    void build_tags_the_default_image_when_no_tag_is_given() {
        stubDocker(0, 0);

        execute("build", "--context", TestFiles.REPO_ROOT.toString());

        assertThat(recorded("build")).containsSequence("-t", ImageCommand.DEFAULT_IMAGE);
    }

    @Test
    void build_context_comes_from_flaude_home_repo_when_no_option_is_given() {
        stubDocker(0, 0);
        env.put(ImageCommand.HOME_REPO_ENV, TestFiles.REPO_ROOT.toString());

        execute("build");

        assertThat(recorded("build"))
                .last()
                .isEqualTo(TestFiles.REPO_ROOT.resolve("image").toString());
    }

    @Test
    void build_context_defaults_to_the_current_dir_when_it_holds_image_dockerfile() {
        stubDocker(0, 0);

        execute(TestFiles.REPO_ROOT, "build");

        assertThat(recorded("build"))
                .last()
                .isEqualTo(TestFiles.REPO_ROOT.resolve("image").toString());
    }

    @Test
    void build_without_an_image_dockerfile_is_a_usage_error() {
        stubDocker(0, 0);

        int code = execute("build");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("flaude: no image/Dockerfile found", "--context", "FLAUDE_HOME_REPO");
        assertThat(recorded("build")).isEmpty();
    }

    @Test
    void push_runs_docker_push_with_the_tag() {
        stubDocker(0, 0);

        int code = execute("push", "--tag", "registry.fly.io/my-app:v1");

        assertThat(code).isZero();
        assertThat(recorded("push")).containsExactly("push", "registry.fly.io/my-app:v1");
        assertThat(out.toString()).contains("pushed registry.fly.io/my-app:v1");
    }

    @Test
    void under_the_flaude_root_command_the_docker_binary_comes_from_the_roots_environment() {
        stubDocker(0, 0);
        CommandLine root = FlaudeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env);

        int code = root.execute("image", "push", "--tag", "registry.fly.io/my-app:v2");

        assertThat(code).isZero();
        assertThat(recorded("push")).containsExactly("push", "registry.fly.io/my-app:v2");
    }

    @Test
    void failing_docker_build_exits_1_and_says_so() {
        stubDocker(0, 3);

        int code = execute("build", "--context", TestFiles.REPO_ROOT.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("build failed (exit code 3)");
    }
}

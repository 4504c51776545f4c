package io.flaude.cli.image;

import io.flaude.agent.AgentConfig;
import io.flaude.cli.support.CliContext;
import io.flaude.cli.support.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flaude image}: builds and pushes the agent image (Node, git, gh, jq, Claude Code and the
 * {@code flaude-entrypoint} script, see {@code image/} and {@code docs/image.md}).
 *
 * <p>The client runs {@link #DEFAULT_IMAGE} unless told otherwise. To run your own build, build it
 * with {@code flaude image build --tag registry.fly.io/<app>:<tag>}, log in with
 * {@code fly auth docker}, push it with {@code flaude image push --tag registry.fly.io/<app>:<tag>}
 * and give that reference to flaude as the machine image.
 */
@Command(
        name = "image",
        mixinStandardHelpOptions = true,
        description = {
            "Build or push the flaude agent image (needs a Docker-compatible engine).",
            "Default image: " + ImageCommand.DEFAULT_IMAGE
        },
        subcommands = {ImageBuildCommand.class, ImagePushCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:no container engine reachable, or docker failed",
            "2:bad usage, or no image/Dockerfile found for the build context"
        })
public final class ImageCommand implements Callable<Integer> {
    /** The image the flaude client runs by default; {@code flaude image build/push} default to it too. */
    public static final String DEFAULT_IMAGE = AgentConfig.DEFAULT_IMAGE;
    /** Env naming the docker binary (a path or a name on PATH); default {@code docker}. */
    public static final String DOCKER_ENV = "FLAUDE_DOCKER";
    /** Env naming the repository root, used as the build context when {@code --context} is absent. */
    public static final String HOME_REPO_ENV = "FLAUDE_HOME_REPO";

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Path workingDir;

    /** For picocli: the environment comes from the root command (the CLI's one environment). */
    public ImageCommand() {
        this(null, Path.of("").toAbsolutePath());
    }

    /** For tests and embedding: an explicit environment and current directory. */
    ImageCommand(Map<String, String> env, Path workingDir) {
        this.env = env;
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** An environment variable, or {@code null} when unset or blank. */
    String env(String name) {
        String value;
        if (env != null) {
            value = env.get(name);
        } else if (spec != null && spec.root().userObject() instanceof CliContext root) {
            value = root.env(name);
        } else {
            value = null; // no environment was handed to this command: none is read
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The environment handed to docker: the explicit one, if any (empty means: inherit the process's). */
    Map<String, String> dockerEnv() {
        return env == null ? Map.of() : env;
    }

    /** The docker CLI from {@value #DOCKER_ENV}, else {@code docker} on PATH. */
    DockerCli docker() {
        String binary = env(DOCKER_ENV);
        return new DockerCli(binary != null ? binary : "docker", dockerEnv());
    }

    /** The repository root: {@code --context}, else {@value #HOME_REPO_ENV}, else the current directory. */
    Optional<Path> buildRoot(Path contextOption) {
        if (contextOption != null) {
            return Optional.of(contextOption.toAbsolutePath());
        }
        String home = env(HOME_REPO_ENV);
        if (home != null) {
            return Optional.of(Path.of(home).toAbsolutePath());
        }
        return Files.isRegularFile(workingDir.resolve("image/Dockerfile")) ? Optional.of(workingDir) : Optional.empty();
    }
}

package io.flaude.cli.image;

import io.flaude.cli.support.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flaude image build}: {@code docker build --platform P -t TAG <repo>/image}. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Build the agent image from <repo>/image with docker.")
final class ImageBuildCommand extends DockerSubcommand {
    /** Fly Machines run on x86-64; building for it explicitly keeps an arm64 laptop from producing a useless image. */
    static final String DEFAULT_PLATFORM = "linux/amd64";

    @Option(
            names = "--tag",
            paramLabel = "TAG",
            defaultValue = ImageCommand.DEFAULT_IMAGE,
            description = "Image reference to build (default: ${DEFAULT-VALUE}).")
    String tag;

    @Option(
            names = "--context",
            paramLabel = "DIR",
            description = "The flaude repository root holding image/Dockerfile "
                    + "(default: env FLAUDE_HOME_REPO, else the current directory).")
    Path context;

    @Option(
            names = "--platform",
            paramLabel = "OS/ARCH",
            defaultValue = DEFAULT_PLATFORM,
            description = "Target platform (default: ${DEFAULT-VALUE}, what Fly Machines run).")
    String platform;

    @Override
    public Integer call() {
        Optional<Path> root = image.buildRoot(context);
        if (root.isEmpty() || !Files.isRegularFile(root.get().resolve("image/Dockerfile"))) {
            err().println("flaude: no image/Dockerfile found"
                    + root.map(r -> " under " + r).orElse(" in the current directory")
                    + "; pass --context <flaude repo root> or set " + ImageCommand.HOME_REPO_ENV);
            err().flush();
            return ExitCodes.USAGE;
        }
        int code = docker(List.of(
                "build",
                "--platform",
                platform,
                "-t",
                tag,
                root.get().resolve("image").toString()));
        if (code == ExitCodes.OK) {
            out().println("built " + tag + "; push it with: flaude image push --tag " + tag);
            out().flush();
        }
        return code;
    }
}

package io.flaude.cli.image;

import io.flaude.cli.support.ExitCodes;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flaude image push}: {@code docker push TAG} (log in first, e.g. {@code fly auth docker}). */
@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        description = {
            "Push the agent image with docker.",
            "For Fly's registry: fly auth docker, then --tag registry.fly.io/<app>:<tag>."
        })
final class ImagePushCommand extends DockerSubcommand {
    @Option(
            names = "--tag",
            paramLabel = "TAG",
            defaultValue = ImageCommand.DEFAULT_IMAGE,
            description = "Image reference to push (default: ${DEFAULT-VALUE}).")
    String tag;

    @Override
    public Integer call() {
        int code = docker(List.of("push", tag));
        if (code == ExitCodes.OK) {
            out().println("pushed " + tag);
            out().flush();
        }
        return code;
    }
}

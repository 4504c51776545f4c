package io.flaude.cli.agent;

import io.flaude.agent.AgentConfig;
import io.flaude.cli.support.CliContext;
import io.flaude.fly.FlyValidationException;
import picocli.CommandLine.Option;

/**
 * What every command that starts Claude takes the same way: the image ({@code --image}, else
 * {@code $FLAUDE_IMAGE}, else the default) and the credentials, from the environment only
 * ({@code CLAUDE_CODE_OAUTH_TOKEN}, {@code GITHUB_USERNAME}, {@code GITHUB_TOKEN}), never from flags, so
 * they stay out of shell history. A mixin of {@code run}, {@code sessions create} and {@code batch}.
 */
public final class AgentCredentials {
    /** The environment variable naming the machine image when {@code --image} is not given. */
    public static final String IMAGE_ENV = "FLAUDE_IMAGE";

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description = "Machine image (default: env " + IMAGE_ENV + ", else " + AgentConfig.DEFAULT_IMAGE
                    + ", which is not published yet: build and push your own with `flaude image build|push`).")
    String image;

    /** A config builder with the image and the credentials; a missing Claude token is a usage error. */
    public AgentConfig.Builder builder(CliContext root) {
        String token = root.env("CLAUDE_CODE_OAUTH_TOKEN");
        if (token == null) {
            throw new FlyValidationException("no Claude token: set CLAUDE_CODE_OAUTH_TOKEN (see `claude setup-token`)");
        }
        String chosen =
                image != null ? image : root.env(IMAGE_ENV) != null ? root.env(IMAGE_ENV) : AgentConfig.DEFAULT_IMAGE;
        return AgentConfig.builder()
                .image(chosen)
                .claudeToken(token)
                .github(root.env("GITHUB_USERNAME"), root.env("GITHUB_TOKEN"));
    }
}

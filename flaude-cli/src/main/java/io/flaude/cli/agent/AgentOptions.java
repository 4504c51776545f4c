package io.flaude.cli.agent;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.OutputFormat;
import io.flaude.agent.Repo;
import io.flaude.cli.support.CliContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a machine running Claude needs from the command line: the prompt, repos, region, extra env,
 * image and output format; the credentials come from the environment ({@code CLAUDE_CODE_OAUTH_TOKEN},
 * {@code GITHUB_USERNAME}, {@code GITHUB_TOKEN}), never from flags, so they stay out of shell history.
 */
public final class AgentOptions {
    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What to ask Claude.")
    String prompt;

    @Option(names = "--repo", paramLabel = "URL", description = "A git repository to clone (repeatable).")
    List<String> repos = List.of();

    @Option(
            names = {"-r", "--region"},
            defaultValue = AgentConfig.DEFAULT_REGION,
            description = "Region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Extra machine env (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Mixin
    AgentCredentials credentials;

    @Option(
            names = "--output-format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            converter = FormatConverter.class,
            description = "Claude's output format: text, json or stream-json (default: ${DEFAULT-VALUE}).")
    OutputFormat outputFormat;

    /** Claude's own spelling ({@code stream-json}) as well as the constant's. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.fromWire(value);
        }
    }

    public String prompt() {
        return prompt;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The config, with credentials from the environment; a missing Claude token is a usage error. */
    public AgentConfig toConfig(CliContext root) {
        return credentials
                .builder(root)
                .prompt(prompt)
                .repos(repos.stream().map(Repo::of).toList())
                .region(region)
                .env(env)
                .outputFormat(outputFormat)
                .build();
    }
}

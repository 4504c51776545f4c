package io.flaude.cli;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.BatchItem;
import io.flaude.agent.BatchResult;
import io.flaude.agent.Repo;
import io.flaude.agent.RunExecutor;
import io.flaude.agent.RunOptions;
import io.flaude.cli.agent.AgentCredentials;
import io.flaude.cli.output.JsonOutput;
import io.flaude.cli.support.AppOption;
import io.flaude.cli.support.CleanupOnSignal;
import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.DurationConverter;
import io.flaude.cli.support.ExitCodes;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code flaude batch -a APP --prompts-file FILE [--concurrency N] [--json]}: many one-shot runs at once. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Run many prompts at once, each on its own machine (destroyed afterwards), within Fly's rate limits.",
            "FILE has one prompt a line, or JSON lines {\"prompt\", \"repos\"?, \"region\"?, \"env\"?}; blank lines and"
                    + " lines starting with # are skipped. Exit 1 if any run failed."
        })
public final class BatchCommand extends CliCommand {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    AppOption app;

    @Option(names = "--prompts-file", required = true, paramLabel = "FILE", description = "The prompts, one a line.")
    Path promptsFile;

    @Option(
            names = {"-c", "--concurrency"},
            defaultValue = "8",
            description = "Runs at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--timeout",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "How long each run may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    AgentCredentials credentials;

    @Option(
            names = "--env",
            paramLabel = "KEY=VALUE",
            description = "Extra machine env for every run (repeatable); a JSON line's own \"env\" adds to it.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the batch as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String appName = app.resolve(context());
        credentials.builder(context()); // a missing Claude token is a usage error before the file is read
        if (concurrency < 1) {
            throw new FlyValidationException("--concurrency must be at least 1, got " + concurrency);
        }
        List<AgentConfig> configs = read();
        try (FlyClient fly = context().client();
                RunExecutor executor = new RunExecutor(fly, concurrency)) {
            RunExecutor.Batch batch = executor.submit(appName, configs, RunOptions.DEFAULTS.withTimeout(timeout));
            BatchResult r;
            try (CleanupOnSignal signal = new CleanupOnSignal(
                    err(),
                    "the batch's machines",
                    Duration.ofSeconds(90),
                    () -> "machines with metadata " + RunExecutor.BATCH_METADATA + "=" + batch.id())) {
                r = batch.await();
                if (signal.signalled()) {
                    err().println("Interrupted: the batch was cancelled and its machines destroyed");
                }
            }
            print(r);
            return r.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private void print(BatchResult r) {
        if (json) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (BatchItem i : r.items()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", i.index());
                m.put("prompt", i.prompt());
                m.put("succeeded", i.succeeded());
                m.put("run", i.result() == null ? null : JsonOutput.run(i.result()));
                m.put("error", i.error() == null ? null : i.error().getMessage());
                items.add(m);
            }
            printJson(Map.of(
                    "batch_id",
                    r.batchId(),
                    "succeeded",
                    r.succeeded(),
                    "failed",
                    r.failed(),
                    "elapsed_ms",
                    r.elapsed().toMillis(),
                    "runs",
                    items,
                    "cleanup_failures",
                    r.cleanupFailures()));
            return;
        }
        for (BatchItem i : r.items()) {
            String how = i.succeeded()
                    ? "ok"
                    : i.result() != null
                            ? "failed: " + i.result().outcome().name().toLowerCase() + " (exit code "
                                    + i.result().exitCode() + ")"
                            : "error: " + i.error().getMessage();
            out().println("#" + i.index() + " " + how + "  " + i.prompt());
        }
        out().printf(
                        "%d of %d runs succeeded in %.1f s (batch %s)%n",
                        r.succeeded(), r.items().size(), r.elapsed().toMillis() / 1000.0, r.batchId());
        r.cleanupFailures().forEach(f -> err().println(
                        "Warning: the batch's secrets could not all be unset (the reaper" + " will): " + f));
    }

    private List<AgentConfig> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(promptsFile);
        } catch (IOException e) {
            throw new FlyValidationException("cannot read --prompts-file " + promptsFile + ": " + e.getMessage());
        }
        List<AgentConfig> configs = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            AgentConfig.Builder b = credentials.builder(context()).env(env);
            configs.add(
                    line.startsWith("{")
                            ? fromJson(b, line, n + 1)
                            : b.prompt(line).build());
        }
        if (configs.isEmpty()) {
            throw new FlyValidationException("--prompts-file " + promptsFile + " holds no prompt");
        }
        return configs;
    }

    private AgentConfig fromJson(AgentConfig.Builder b, String line, int lineNumber) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new FlyValidationException(
                    "line " + lineNumber + " of --prompts-file is not JSON: " + e.getOriginalMessage());
        }
        if (!o.path("prompt").isString()) {
            throw new FlyValidationException("line " + lineNumber + " of --prompts-file needs a \"prompt\" string");
        }
        b.prompt(o.path("prompt").stringValue());
        if (o.path("region").isString()) {
            b.region(o.path("region").stringValue());
        }
        List<Repo> repos = new ArrayList<>();
        o.path("repos").forEach(r -> repos.add(Repo.of(r.stringValue(""))));
        b.repos(repos);
        Map<String, String> lineEnv = new LinkedHashMap<>(env);
        o.path("env")
                .properties()
                .forEach(e -> lineEnv.put(e.getKey(), e.getValue().stringValue("")));
        return b.env(lineEnv).build();
    }
}

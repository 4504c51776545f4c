package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Await;
import io.flaude.fly.FlyClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoAndToolsCliTest {

    @Test
    void demo_walks_the_lifecycle_and_proves_nothing_is_left() {
        CliRun run = CliRun.of(Map.of(), "demo");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "1. ensure app",
                        "2. create volume with the defaults",
                        "name=flaude_session region=iad size=1GB",
                        "4. extend to 2 GB",
                        "5. snapshot",
                        "6. fork",
                        "hydrating -> created",
                        "7. destroy both",
                        "0 live volume(s)",
                        "Done: nothing leaked.");
    }

    @Test
    void the_emulator_command_prints_its_url_and_serves_any_fly_client() throws Exception {
        CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(
                () -> CliRun.of(Map.of(), "emulator", "--port", "0", "--serve-seconds", "3"));
        CliRun run = serving.get();

        assertThat(run.code()).isZero();
        Matcher url =
                Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(run.out());
        assertThat(url.find()).as(run.out()).isTrue();
        assertThat(run.out()).contains("FLY_API_HOSTNAME=" + url.group(1));
    }

    @Test
    void the_bench_prints_both_variants_side_by_side_with_ratios() {
        CliRun run = CliRun.of(Map.of(), "bench", "volumes", "--ops", "12", "--warmup", "4", "-c", "2");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "bare HTTP",
                        "flaude client",
                        "ratio flaude/bare",
                        "requests/s",
                        "create p50 / p99 ms",
                        "list p50 / p99 ms",
                        "embedded emulator");
    }

    @Test
    void a_client_reaches_the_emulator_while_the_command_serves() throws Exception {
        var out = new java.io.StringWriter();
        var cli = FlaudeCli.commandLine(
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter()), Map.of());
        Thread server = Thread.ofVirtual()
                .start(() -> cli.execute("emulator", "--port", "0", "--serve-seconds", "5", "--token", "tok"));
        String base = awaitUrl(out);
        try (FlyClient fly = FlyClient.builder().baseUri(base).token("tok").build()) {
            assertThat(fly.apps().ensure("via-cli", "personal").name()).isEqualTo("via-cli");
        }
        server.join();
    }

    @Test
    void the_emulator_command_sets_the_fly_profile_and_its_conditions_are_read_over_http() throws Exception {
        var out = new java.io.StringWriter();
        var cli = FlaudeCli.commandLine(
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter()), Map.of());
        Thread server = Thread.ofVirtual()
                .start(() -> cli.execute(
                        "emulator",
                        "--port",
                        "0",
                        "--serve-seconds",
                        "4",
                        "--profile",
                        "fly",
                        "--latency",
                        "5ms..9ms",
                        "--faults",
                        "0.05",
                        "--seed",
                        "3"));
        String base = awaitUrl(out);
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var answer = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/_emulator/conditions"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var conditions =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body());

            assertThat(conditions.path("rate_limits").asBoolean()).isTrue();
            assertThat(conditions.path("min_latency_ms").asLong()).isEqualTo(5);
            assertThat(conditions.path("max_latency_ms").asLong()).isEqualTo(9);
            assertThat(conditions.path("seed").asLong()).isEqualTo(3);
        }
        assertThat(out.toString()).contains("Conditions: profile fly latency 5ms..9ms faults 0.05 seed 3");
        server.join();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"--latency=80ms..20ms", "--latency=fast", "--faults=2", "--profile=slow"})
    void a_bad_emulator_condition_is_a_usage_error_before_anything_starts(String option) {
        CliRun run = CliRun.of(Map.of(), "emulator", "--port", "0", "--serve-seconds", "1", option);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("listening");
    }

    private static String awaitUrl(java.io.StringWriter out) {
        Pattern p = Pattern.compile("listening on (http://\\S+)");
        Await.until("the emulator's URL", Duration.ofSeconds(5), () -> p.matcher(out.toString())
                .find());
        Matcher m = p.matcher(out.toString());
        return m.find() ? m.group(1) : null;
    }
}

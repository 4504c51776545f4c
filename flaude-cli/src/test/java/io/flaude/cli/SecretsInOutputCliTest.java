package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Fault;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** No secret the process holds reaches stdout or stderr, and the token goes only where it is safe. */
class SecretsInOutputCliTest extends CliTestBase {
    private static final String CLAUDE = "sk-ant-oat-echo-123";
    private static final String GITHUB = "ghp_echo456";

    private Map<String, String> withAgentSecrets() {
        Map<String, String> e = new HashMap<>(env);
        e.put("CLAUDE_CODE_OAUTH_TOKEN", CLAUDE);
        e.put("GITHUB_USERNAME", "octo");
        e.put("GITHUB_TOKEN", GITHUB);
        return e;
    }

    @Test
    void a_claude_or_github_token_echoed_in_an_error_is_not_printed() {
        emulator.faults()
                .script(
                        "POST",
                        "/v1/apps/*/machines",
                        Fault.status(
                                422,
                                "{\"error\":\"invalid env CLAUDE_CODE_OAUTH_TOKEN=" + CLAUDE + " GITHUB_TOKEN=" + GITHUB
                                        + "\"}"));

        CliRun r = CliRun.of(withAgentSecrets(), "run", "-a", APP, "--prompt", "hi", "-v");

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("CLAUDE_CODE_OAUTH_TOKEN=<redacted> GITHUB_TOKEN=<redacted>");
        assertThat(r.out() + r.err()).doesNotContain(CLAUDE).doesNotContain(GITHUB);
    }

    @Test
    void a_fly_token_with_a_line_break_is_refused_with_exit_2_without_printing_it() {
        Map<String, String> e = new HashMap<>(env);
        e.put("FLY_API_TOKEN", "fo1_first-half\nsecond-half-SECRET");

        CliRun r = CliRun.of(e, "volumes", "list", "-a", APP);

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("a line feed").doesNotContain("SECRET").doesNotContain("first-half");
        assertThat(emulator.journal().exchanges()).as("no request").isEmpty();
    }

    @Test
    void the_token_is_not_sent_over_plain_http_to_a_host_that_is_not_loopback() {
        CliRun r = run("volumes", "list", "-a", APP, "--api-url", "http://fly-proxy.example.invalid:4280");

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains("refusing to send the Fly API token over plain http://")
                .contains("--allow-plain-http");
    }

    @Test
    void allow_plain_http_lets_the_request_go() {
        CliRun r = run(
                "volumes",
                "list",
                "-a",
                APP,
                "--api-url",
                "http://fly-proxy.example.invalid:4280",
                "--allow-plain-http");

        assertThat(r.code()).as("it was attempted, and the host does not exist").isEqualTo(1);
        assertThat(r.err()).doesNotContain("refusing");
    }

    @Test
    void an_emulator_open_to_the_network_without_a_token_warns() throws Exception {
        CliRun r = CompletableFuture.supplyAsync(() ->
                        CliRun.of(Map.of(), "emulator", "--host", "0.0.0.0", "--port", "0", "--serve-seconds", "1"))
                .get();

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("with no --token").contains("--token T");
    }

    @Test
    void an_emulator_on_loopback_says_nothing_about_tokens() throws Exception {
        CliRun r = CompletableFuture.supplyAsync(
                        () -> CliRun.of(Map.of(), "emulator", "--port", "0", "--serve-seconds", "1"))
                .get();

        assertThat(r.err()).doesNotContain("Warning");
    }
}

package io.flaude.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.agent.internal.AgentMachineConfig;
import io.flaude.fly.FlyValidationException;
import io.flaude.fly.Guest;
import io.flaude.fly.MachineConfig;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
    private static final String PREFIX = "FLAUDE_R_0123456789ABCDEF";

    private static AgentConfig.Builder minimal() {
        return AgentConfig.builder().claudeToken("sk-ant-oat-secret").prompt("fix the bug");
    }

    @Test
    void the_defaults_are_flaudes() {
        AgentConfig c = minimal().build();

        assertThat(c.image()).isEqualTo(AgentConfig.DEFAULT_IMAGE);
        assertThat(c.region()).isEqualTo("iad");
        assertThat(c.cpus()).isEqualTo(2);
        assertThat(c.memoryMb()).isEqualTo(4096);
        assertThat(c.autoDestroy()).isTrue();
        assertThat(c.outputFormat()).isEqualTo(OutputFormat.TEXT);
        assertThat(c.mountPath()).isEqualTo("/data");
    }

    @Test
    void the_machine_config_carries_the_payload_env_the_entrypoint_reads() {
        MachineConfig m = AgentMachineConfig.of(
                minimal()
                        .github("octocat", "ghp_secret")
                        .repos(List.of(
                                Repo.of("https://github.com/a/b"), new Repo("https://github.com/c/d", "dev", "dd")))
                        .outputFormat(OutputFormat.STREAM_JSON)
                        .sessionId("0b0e7c1e-1111-4222-8333-944455556666")
                        .volume("vol_abcdefgh12345678", "/mnt/session")
                        .env(Map.of("EXTRA", "1"))
                        .build(),
                PREFIX);

        assertThat(m.env())
                .containsEntry("CLAUDE_CODE_OAUTH_TOKEN_FILE", "/run/flaude/secrets/claude_token")
                .containsEntry("FLAUDE_PROMPT", "fix the bug")
                .containsEntry("GITHUB_USERNAME", "octocat")
                .containsEntry("GITHUB_TOKEN_FILE", "/run/flaude/secrets/github_token")
                .containsEntry(
                        "FLAUDE_REPOS",
                        "[{\"url\":\"https://github.com/a/b\"},"
                                + "{\"url\":\"https://github.com/c/d\",\"branch\":\"dev\",\"target_dir\":\"dd\"}]")
                .containsEntry("FLAUDE_OUTPUT_FORMAT", "stream-json")
                .containsEntry("FLAUDE_SESSION_ID", "0b0e7c1e-1111-4222-8333-944455556666")
                .containsEntry("CLAUDE_CONFIG_DIR", "/mnt/session/claude")
                .containsEntry("FLAUDE_MOUNT_PATH", "/mnt/session")
                .containsEntry("EXTRA", "1");
        assertThat(m.mounts()).containsExactly(new MachineConfig.Mount("vol_abcdefgh12345678", "/mnt/session"));
        assertThat(m.files())
                .containsExactly(
                        new MachineConfig.SecretFile("/run/flaude/secrets/claude_token", PREFIX + "_CLAUDE"),
                        new MachineConfig.SecretFile("/run/flaude/secrets/github_token", PREFIX + "_GITHUB"));
        assertThat(m.metadata())
                .containsEntry("managed_by", "flaude")
                .containsEntry("flaude_secrets", PREFIX)
                .containsEntry("session_id", "0b0e7c1e-1111-4222-8333-944455556666");
        assertThat(m.restartPolicy()).isEqualTo("no");
        assertThat(m.guest()).isEqualTo(new Guest("shared", 2, 4096));
        assertThat(m.autoDestroy()).isTrue();
    }

    @Test
    void no_token_is_anywhere_in_the_machine_config() {
        MachineConfig m =
                AgentMachineConfig.of(minimal().github("octocat", "ghp_secret").build(), PREFIX);

        assertThat(m.toString() + m.env() + m.metadata() + m.files()).doesNotContain("sk-ant-oat-secret", "ghp_secret");
    }

    @Test
    void the_secret_values_are_the_tokens_base64_encoded_under_the_names_the_files_read() {
        Map<String, String> values = AgentMachineConfig.secretValues(
                minimal().github("octocat", "ghp_secret").build(), PREFIX);

        assertThat(values)
                .containsOnly(
                        Map.entry(
                                PREFIX + "_CLAUDE",
                                Base64.getEncoder().encodeToString("sk-ant-oat-secret".getBytes(UTF_8))),
                        Map.entry(
                                PREFIX + "_GITHUB", Base64.getEncoder().encodeToString("ghp_secret".getBytes(UTF_8))));
    }

    @Test
    void a_one_shot_config_has_no_mount_and_no_session_env() {
        MachineConfig m = AgentMachineConfig.of(minimal().build(), PREFIX);

        assertThat(m.mounts()).isEmpty();
        assertThat(m.env())
                .doesNotContainKeys("FLAUDE_SESSION_ID", "CLAUDE_CONFIG_DIR", "FLAUDE_REPOS", "GITHUB_TOKEN_FILE");
        assertThat(m.metadata()).containsOnlyKeys("managed_by", "flaude_secrets", "flaude_claude_digest");
    }

    @Test
    void the_builder_never_changes_or_shares_what_the_caller_passed() {
        Map<String, String> env = new HashMap<>(Map.of("A", "1"));
        AgentConfig c = minimal().env(env).build();
        env.put("B", "2");

        assertThat(c.env()).containsOnlyKeys("A");
        assertThat(env).containsOnlyKeys("A", "B");
        AgentConfig changed = c.toBuilder().prompt("other").build();
        assertThat(c.prompt()).isEqualTo("fix the bug");
        assertThat(changed.prompt()).isEqualTo("other");
    }

    @Test
    void extra_env_cannot_override_the_payload() {
        MachineConfig m = AgentMachineConfig.of(
                minimal().env(Map.of("FLAUDE_PROMPT", "injected")).build(), PREFIX);

        assertThat(m.env()).containsEntry("FLAUDE_PROMPT", "fix the bug");
    }

    @Test
    void toString_hides_the_tokens_and_env_values() {
        String text = minimal()
                        .github("octocat", "ghp_secret")
                        .env(Map.of("API_KEY", "hunter2"))
                        .build()
                        .toString()
                + AgentMachineConfig.of(minimal().build(), PREFIX).toString();

        assertThat(text)
                .doesNotContain("sk-ant-oat-secret", "ghp_secret", "hunter2")
                .contains("API_KEY");
    }

    @Test
    void a_token_and_a_prompt_are_required() {
        assertThatThrownBy(() -> AgentConfig.builder().prompt("p").build())
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining("CLAUDE_CODE_OAUTH_TOKEN");
        assertThatThrownBy(() -> AgentConfig.builder().claudeToken("t").build())
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining("prompt");
    }
}

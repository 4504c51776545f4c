package io.flaude.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.agent.internal.SessionReaper;
import io.flaude.emulator.Exchange;
import io.flaude.fly.AppSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tokens live in Fly app secrets named for the run or session, the machine reads them as files,
 * and no API answer or machine config ever carries one; they are unset when their run or session ends.
 */
class SecretsLifecycleTest extends AgentTestBase {
    private static final String CLAUDE = "sk-ant-oat-test-token";
    private static final String GITHUB = "ghp_lifecycle_token";

    private static AgentConfig withGithub(String prompt) {
        return config(prompt).toBuilder().github("octocat", GITHUB).build();
    }

    private List<String> secretNames() {
        return fly.secrets(APP).list().stream().map(AppSecret::name).toList();
    }

    /** Every answer the API gave, and every request but the ones that set secrets, is free of the tokens. */
    private void assertNoTokenOutsideTheSecretsApi(String... tokens) {
        for (Exchange e : emulator.journal().exchanges()) {
            boolean setsSecrets = e.path().endsWith("/secrets") && e.method().equals("POST");
            for (String token : tokens) {
                String b64 = Base64.getEncoder().encodeToString(token.getBytes(UTF_8));
                assertThat(e.responseBody()).as(e.method() + " " + e.path()).doesNotContain(token, b64);
                if (!setsSecrets) {
                    assertThat(e.requestBody()).as(e.method() + " " + e.path()).doesNotContain(token, b64);
                }
            }
        }
    }

    @Test
    void a_run_reads_its_tokens_from_secrets_and_unsets_them_when_cleaned_up() {
        RunResult r = new Runner(fly).run(APP, withGithub("hello"), RunOptions.DEFAULTS.withTimeout(TIMEOUT));

        assertThat(r.succeeded())
                .as("the machine read the token from its secret file")
                .isTrue();
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/secrets")).hasSize(2);
        assertThat(secretNames()).isEmpty();
        assertNoTokenOutsideTheSecretsApi(CLAUDE, GITHUB);
    }

    @Test
    void a_session_keeps_its_secrets_between_turns_and_no_api_answer_carries_a_token() {
        Session s = sessions.create(APP, withGithub("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        sessions.turn(s.sessionId(), turn("second").withTokens(CLAUDE, GITHUB));

        String prefix =
                "FLAUDE_S_" + s.sessionId().replace("-", "").substring(0, 16).toUpperCase();
        assertThat(secretNames()).containsExactlyInAnyOrder(prefix + "_CLAUDE", prefix + "_GITHUB");
        assertThat(Sessions.secretNamePrefix(s.sessionId())).isEqualTo(prefix + "_");
        assertThat(fly.machines(APP).get(s.machineId()).config().env())
                .doesNotContainKeys("CLAUDE_CODE_OAUTH_TOKEN", "GITHUB_TOKEN");
        assertThat(emulator.journal().matching("POST", "/v1/apps/*/secrets"))
                .as("set once at create; the same tokens at a turn cost no request")
                .hasSize(1);
        assertNoTokenOutsideTheSecretsApi(CLAUDE, GITHUB);
    }

    @Test
    void a_rotated_token_is_set_before_the_turn_that_uses_it() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        String before = fly.secrets(APP).list().getFirst().digest();
        emulator.journal().clear();

        TurnResult t = sessions.turn(s.sessionId(), turn("second").withTokens("sk-ant-oat-rotated", null));

        assertThat(t.result().succeeded()).isTrue();
        assertThat(fly.secrets(APP).list().getFirst().digest()).isNotEqualTo(before);
        List<Exchange> writes = emulator.journal().exchanges().stream()
                .filter(e -> e.method().equals("POST") && !e.path().endsWith("/lease"))
                .toList();
        assertThat(writes.get(0).path()).endsWith("/secrets");
        assertThat(writes.get(1).requestBody()).contains("\"min_secrets_version\"");
        assertNoTokenOutsideTheSecretsApi("sk-ant-oat-rotated");
    }

    @Test
    void a_github_token_first_given_at_a_turn_becomes_a_secret_file() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();

        sessions.turn(s.sessionId(), turn("second").withTokens(null, GITHUB));

        assertThat(fly.machines(APP).get(s.machineId()).config().env()).containsKey("GITHUB_TOKEN_FILE");
        assertThat(secretNames()).hasSize(2);
        assertNoTokenOutsideTheSecretsApi(GITHUB);
    }

    @Test
    void destroying_a_session_unsets_its_secrets() {
        Session s = sessions.create(APP, withGithub("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();

        sessions.destroy(s);

        assertThat(secretNames()).isEmpty();
    }

    @Test
    void the_reaper_unsets_secrets_that_no_session_or_machine_reads_and_keeps_the_others() {
        Session s = sessions.create(APP, config("first"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT))
                .session();
        fly.secrets(APP)
                .set(Map.of(
                        "FLAUDE_R_0123456789ABCDEF_CLAUDE",
                        "eA==",
                        "FLAUDE_S_FEDCBA9876543210_CLAUDE",
                        "eA==",
                        "SOMEONE_ELSES",
                        "eA=="));

        List<ReapAction> actions = sessions.reap(APP, Duration.ZERO);

        assertThat(actions)
                .filteredOn(a -> a.kind() == ReapAction.Kind.SECRETS)
                .extracting(ReapAction::id)
                .as("a run's tokens set a moment ago belong to a run about to make its machine: kept")
                .containsExactly("FLAUDE_S_FEDCBA9876543210_*");
        assertThat(secretNames())
                .hasSize(3)
                .contains("SOMEONE_ELSES", "FLAUDE_R_0123456789ABCDEF_CLAUDE")
                .anyMatch(n -> n.startsWith("FLAUDE_S_") && !n.contains("FEDCBA"));
        assertThat(sessions.get(s.sessionId()).state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void the_tokens_of_a_run_whose_process_died_are_unset_soon_with_the_default_grace() {
        fly.secrets(APP).set(Map.of("FLAUDE_R_0123456789ABCDEF_CLAUDE", "eA=="));
        SessionReaper reaper = new SessionReaper(fly, store, sessions::destroy, Duration.ofSeconds(10));

        List<ReapAction> threeMinutesLater =
                reaper.reap(APP, false, Duration.ofHours(1), Instant.now().plus(Duration.ofMinutes(3)));

        assertThat(threeMinutesLater).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(ReapAction.Kind.SECRETS);
            assertThat(a.done()).isTrue();
        });
        assertThat(secretNames()).isEmpty();
    }

    @Test
    void the_tokens_of_a_session_that_is_gone_are_unset_soon_with_the_default_grace() {
        // Set by a create's request that landed after the create was killed and rolled back.
        fly.secrets(APP).set(Map.of("FLAUDE_S_0123456789ABCDEF_CLAUDE", "eA=="));
        SessionReaper reaper = new SessionReaper(fly, store, sessions::destroy, Duration.ofSeconds(10));

        List<ReapAction> now = reaper.reap(APP, false, Duration.ofHours(1), Instant.now());
        List<ReapAction> threeMinutesLater =
                reaper.reap(APP, false, Duration.ofHours(1), Instant.now().plus(Duration.ofMinutes(3)));

        assertThat(now)
                .as("a create that set them a moment ago may still be making its machine")
                .isEmpty();
        assertThat(threeMinutesLater).singleElement().satisfies(a -> {
            assertThat(a.reason()).contains("the session is gone");
            assertThat(a.done()).isTrue();
        });
        assertThat(secretNames()).isEmpty();
    }

    @Test
    void the_tokens_of_an_unrecorded_session_whose_volume_exists_wait_for_the_grace() {
        fly.volumes(APP)
                .create(io.flaude.fly.VolumeSpec.builder()
                        .name("flaude_s_0123456789abcdef")
                        .build());
        fly.secrets(APP).set(Map.of("FLAUDE_S_0123456789ABCDEF_CLAUDE", "eA=="));
        SessionReaper reaper = new SessionReaper(fly, store, sessions::destroy, Duration.ofSeconds(10));

        List<ReapAction> actions =
                reaper.reap(APP, false, Duration.ofHours(1), Instant.now().plus(Duration.ofMinutes(3)));

        assertThat(actions).isEmpty();
        assertThat(secretNames()).hasSize(1);
    }
}

package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest extends EmulatorTestBase {
    private Secrets secrets() {
        return fly.secrets(APP);
    }

    @Test
    void each_change_returns_a_newer_version() {
        long first = secrets().set(Map.of("A_TOKEN", "one"));
        long second = secrets().set(Map.of("A_TOKEN", "two", "B_TOKEN", "three"));

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void the_list_names_secrets_and_never_carries_a_value() {
        secrets().set(Map.of("A_TOKEN", "value-never-shown"));

        List<AppSecret> listed = secrets().list();

        assertThat(listed).extracting(AppSecret::name).containsExactly("A_TOKEN");
        assertThat(listed.getFirst().digest()).isNotBlank();
        assertThat(emulator.journal()
                        .matching("GET", "/v1/apps/*/secrets")
                        .getFirst()
                        .responseBody())
                .doesNotContain("value-never-shown");
    }

    @Test
    void unset_removes_the_secrets_and_ignores_names_that_are_not_set() {
        secrets().set(Map.of("A_TOKEN", "one", "B_TOKEN", "two"));

        secrets().unset(List.of("A_TOKEN", "NEVER_SET"));

        assertThat(secrets().list()).extracting(AppSecret::name).containsExactly("B_TOKEN");
    }

    @Test
    void a_bad_secret_name_is_refused_before_any_request() {
        emulator.journal().clear();

        assertThatThrownBy(() -> secrets().set(Map.of("1-bad", "v")))
                .isInstanceOf(FlyValidationException.class)
                .hasMessageContaining("secret name '1-bad'");
        assertThat(emulator.journal().exchanges()).isEmpty();
    }

    @Test
    void a_machine_config_carries_the_secret_file_by_name_and_reads_it_back() {
        secrets().set(Map.of("A_FILE", "aGVsbG8="));
        MachineConfig config = MachineConfig.builder("nginx")
                .secretFile("/run/secrets/a", "A_FILE")
                .build();

        Machine m = fly.machines(APP).create(config);

        assertThat(m.config().files()).containsExactly(new MachineConfig.SecretFile("/run/secrets/a", "A_FILE"));
        assertThat(fly.machines(APP).get(m.id()).config().files()).hasSize(1);
    }

    @Test
    void requiring_a_secrets_version_is_sent_with_the_create() {
        long version = secrets().set(Map.of("A_TOKEN", "one"));

        fly.machines(APP)
                .requiringSecrets(version)
                .create(MachineConfig.builder("nginx").build());

        assertThat(emulator.journal()
                        .matching("POST", "/v1/apps/*/machines")
                        .getFirst()
                        .requestBody())
                .contains("\"min_secrets_version\":" + version);
    }

    @Test
    void a_version_the_app_has_not_reached_is_refused_by_fly() {
        long version = secrets().set(Map.of("A_TOKEN", "one"));

        assertThatThrownBy(() -> fly.machines(APP)
                        .requiringSecrets(version + 5)
                        .create(MachineConfig.builder("nginx").build()))
                .isInstanceOf(FlyApiException.class);
    }
}

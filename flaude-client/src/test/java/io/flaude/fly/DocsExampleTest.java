package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snippets of docs/client.md, compiled and run (DocsExamplesTest checks that the page shows only these lines). */
@FlyEmulatorTest(detachDelayMs = 0)
class DocsExampleTest {
    FlyEmulator emulator;

    @Test
    void the_builder_snippet_configures_a_client() {
        assertThatThrownBy(() -> {                          // the build runs with FLY_API_TOKEN empty
            FlyClient fly = FlyClient.create();                 // from the environment
            fly.close();
        }).isInstanceOf(FlyValidationException.class).hasMessageContaining("FLY_API_TOKEN");
        FlyClient fly = FlyClient.builder()
                .token("fm2_...")                           // else FLY_API_TOKEN
                .baseUri("http://_api.internal:4280")       // else FLY_API_HOSTNAME, else https://api.machines.dev
                .requestTimeout(Duration.ofSeconds(60))     // per request (default 60 s); connect timeout 10 s
                .retryPolicy(RetryPolicy.standard())        // the default; RetryPolicy.none() turns retries off
                .build();
        assertThat(fly.baseUri().toString()).isEqualTo("http://_api.internal:4280");
        fly.close();
    }

    @Test
    void the_states_and_waits_snippet_waits_for_volumes_and_machines() {
        try (FlyClient fly = FlyClient.builder().baseUri(emulator.baseUri()).token(emulator.token()).build()) {
            fly.apps().create("docs", Apps.DEFAULT_ORG);
            Volumes volumes = fly.volumes("docs");
            Machines machines = fly.machines("docs");
            String id = volumes.create().id();
            Machine started = machines.create(MachineConfig.builder("ghcr.io/flaude-java/flaude-agent:0.1.0")
                    .env(Map.of("CLAUDE_CODE_OAUTH_TOKEN", "t", "FLAUDE_PROMPT", "p", "FLAUDE_EMULATOR_SLEEP_MS", "300"))
                    .restartPolicy("no").build());
            String machineId = started.id();

            Volume ready = volumes.waitFor(id, VolumeState.CREATED, Duration.ofSeconds(30));   // polls GET
            Volume free  = volumes.waitUntil(id, v -> !v.isAttached(), Duration.ofSeconds(90));
            Machine any  = machines.waitFor(machineId, MachineState.STARTED, Duration.ofSeconds(30));
            Machine done = machines.waitFor(started, MachineState.STOPPED, Duration.ofMinutes(30)); // pinned to started's instance

            assertThat(ready.state()).isEqualTo(VolumeState.CREATED);
            assertThat(free.isAttached()).isFalse();
            assertThat(any.id()).isEqualTo(machineId);
            assertThat(done.state()).isEqualTo(MachineState.STOPPED);
        }
    }
}

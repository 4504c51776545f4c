package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's examples, compiled and run: if this fails, the README is wrong. */
@ExtendWith(FlyEmulatorExtension.class)
class ReadmeExampleTest {

    @Test
    void the_volume_lifecycle_from_the_readme(FlyEmulator emulator) {
        // readme-example-begin
        try (FlyClient fly = FlyClient.builder()
                .baseUri(emulator.baseUri())      // omit both lines to use FLY_API_HOSTNAME / FLY_API_TOKEN
                .token(emulator.token())
                .build()) {
            fly.apps().ensure("my-agents", "personal");
            Volumes volumes = fly.volumes("my-agents");

            Volume v = volumes.create();                          // flaude_session, iad, 1 GB
            volumes.extend(v.id(), 2);                            // grow only
            volumes.createSnapshot(v.id());
            Volume copy = volumes.fork(v.id());                   // hydrating, then created
            volumes.waitFor(copy.id(), VolumeState.CREATED, Duration.ofSeconds(30));

            volumes.destroy(v.id());                              // true: destroyed now
            volumes.destroy(v.id());                              // false: already gone, not an error
            volumes.destroy(copy.id(), Volumes.DEFAULT_DETACH_WAIT); // waits out "volume is currently bound"
            assertThat(volumes.list(VolumeListOptions.LIVE)).isEmpty();
        }
        // readme-example-end
    }

    @Test
    void errors_are_typed(FlyEmulator emulator) {
        try (FlyClient fly = FlyClient.builder().baseUri(emulator.baseUri()).token(emulator.token()).build()) {
            fly.apps().ensure("my-agents", "personal");
            // readme-errors-begin
            try {
                fly.volumes("my-agents").get("vol_doesnotexist0000");
            } catch (FlyNotFoundException e) {
                // e.statusCode() == 404, e.detail() is Fly's message, e.requestId() its fly-request-id
                assertThat(e.getMessage()).startsWith("Fly API error 404 GET ");
            }
            // readme-errors-end
        }
    }
}

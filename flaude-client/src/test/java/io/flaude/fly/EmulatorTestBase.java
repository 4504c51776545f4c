package io.flaude.fly;

import io.flaude.emulator.Exchange;
import io.flaude.emulator.FlyEmulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh emulator, a client pointed at it and an app {@value #APP} for every test; the emulator is
 * the real HTTP server users get, so nothing of the client's HTTP layer is mocked.
 */
abstract class EmulatorTestBase {
    static final String APP = "test-app";

    FlyEmulator emulator;
    FlyClient fly;

    @BeforeEach
    void startEmulator() {
        emulator = FlyEmulator.builder()
                .forkHydrationDelay(java.time.Duration.ofMillis(150))
                .restoreDelay(java.time.Duration.ofMillis(150))
                .start();
        fly = client().build();
        fly.apps().create(APP, Apps.DEFAULT_ORG);
        emulator.journal().clear();
    }

    @AfterEach
    void stopEmulator() {
        fly.close();
        emulator.close();
    }

    /** A builder pointed at the emulator, for tests that need another configuration. */
    FlyClient.Builder client() {
        return FlyClient.builder().baseUri(emulator.baseUri()).token(emulator.token()).env(name -> null);
    }

    Volumes volumes() {
        return fly.volumes(APP);
    }

    List<Exchange> requests() {
        return emulator.journal().exchanges();
    }
}

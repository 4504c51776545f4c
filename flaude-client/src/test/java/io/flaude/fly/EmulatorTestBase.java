package io.flaude.fly;

import io.flaude.emulator.Exchange;
import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh emulator (from the project's own {@link FlyEmulatorTest} extension), a client pointed at it
 * and an app {@value #APP} for every test; the emulator is the real HTTP server users get, so nothing
 * of the client's HTTP layer is mocked.
 */
@FlyEmulatorTest(forkHydrationDelayMs = 150, restoreDelayMs = 150)
abstract class EmulatorTestBase {
    static final String APP = "test-app";

    FlyEmulator emulator;
    FlyClient fly;

    @BeforeEach
    void connect() {
        fly = configure(client()).build();
        fly.apps().create(APP, Apps.DEFAULT_ORG);
        emulator.journal().clear();
    }

    @AfterEach
    void disconnect() {
        fly.close();
    }

    /** How the test's {@link #fly} is configured beyond {@link #client()}; the defaults unless overridden. */
    FlyClient.Builder configure(FlyClient.Builder builder) {
        return builder;
    }

    /**
     * A builder pointed at the emulator, for tests that need another configuration. The emulator's
     * default profile has no rate limits, so neither does the client (tests of the budget set one).
     */
    FlyClient.Builder client() {
        return FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .environment(name -> null)
                .rateBudget(RateBudget.unlimited());
    }

    Volumes volumes() {
        return fly.volumes(APP);
    }

    List<Exchange> requests() {
        return emulator.journal().exchanges();
    }
}

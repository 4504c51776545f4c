package io.flaude.cli;

import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The CLI against a fresh emulator (from {@link FlyEmulatorTest}), configured through the environment like a user's shell. */
@FlyEmulatorTest
abstract class CliTestBase {
    static final String APP = "cli-app";

    FlyEmulator emulator;
    FlyClient fly;
    Map<String, String> env;

    @BeforeEach
    void connect() {
        env = Map.of(
                "FLY_API_TOKEN",
                emulator.token(),
                "FLY_API_HOSTNAME",
                emulator.baseUri().toString());
        fly = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .build();
        fly.apps().create(APP, Apps.DEFAULT_ORG);
        emulator.journal().clear();
    }

    @AfterEach
    void disconnect() {
        fly.close();
    }

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }
}

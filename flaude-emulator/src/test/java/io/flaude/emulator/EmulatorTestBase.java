package io.flaude.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh emulator per test, with short delays, and closes it after. */
abstract class EmulatorTestBase {
    protected FlyEmulator fly;
    protected Api api;

    /** Override to change the emulator's settings. */
    protected FlyEmulator.Builder configure(FlyEmulator.Builder builder) {
        return builder;
    }

    @BeforeEach
    void startEmulator() {
        fly = configure(FlyEmulator.builder()).start();
        api = new Api(fly);
    }

    @AfterEach
    void closeEmulator() {
        fly.close();
    }
}

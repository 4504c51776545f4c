package io.flaude.emulator;

import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh emulator per test from the project's own {@link FlyEmulatorTest} extension (subclasses set
 * its delays with their own annotation), and a raw-HTTP client for it.
 */
@FlyEmulatorTest
abstract class EmulatorTestBase {
    protected FlyEmulator fly;
    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(fly);
    }
}

package io.flaude.agent;

import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Machine;
import io.flaude.fly.RateBudget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An emulator whose machines run the simulated agent (injected by {@link FlyEmulatorTest}), a client,
 * and app {@value #APP}. Classes whose every test must clean up say so with {@code requireNothingLive}.
 */
@FlyEmulatorTest(detachDelayMs = 300)
abstract class AgentTestBase {
    static final String APP = "agents";
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    FlyEmulator emulator;
    FlyClient fly;
    SessionStore store;
    Sessions sessions;

    @BeforeEach
    void connect() {
        fly = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .rateBudget(RateBudget.unlimited()) // the emulator's default profile has no limits
                .logGrace(Duration.ofMillis(500))
                .build(); // its logs do not trail: a missing exit line is missing
        fly.apps().create(APP, Apps.DEFAULT_ORG);
        store = new InMemorySessionStore();
        sessions = new Sessions(fly, store, Duration.ofSeconds(10));
    }

    @AfterEach
    void disconnect() {
        fly.close();
    }

    static AgentConfig config(String prompt) {
        return config(prompt, Map.of());
    }

    /** A config whose extra env steers the simulated agent (FLAUDE_EMULATOR_EXIT, _SLEEP_MS, _CRASH, _FAIL). */
    static AgentConfig config(String prompt, Map<String, String> env) {
        return AgentConfig.builder()
                .claudeToken("sk-ant-oat-test-token")
                .prompt(prompt)
                .env(env)
                .build();
    }

    /** A turn with this prompt and the test timeout. */
    static TurnOptions turn(String prompt) {
        return TurnOptions.prompt(prompt).withTimeout(TIMEOUT);
    }

    /** Machines that are not destroyed. */
    List<Machine> liveMachines() {
        return fly.machines(APP).list().stream().filter(m -> !m.isGone()).toList();
    }
}

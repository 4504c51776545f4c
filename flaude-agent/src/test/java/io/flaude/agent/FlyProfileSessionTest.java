package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.emulator.Profile;
import io.flaude.fly.FlyClient;
import io.flaude.fly.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A session of two turns and a one-shot run against an emulator as slow and as strict as Fly (20-80 ms
 * per request, Fly's rate limits), through the client with {@link RetryPolicy#standard()}: everything
 * succeeds and nothing is left.
 */
@FlyEmulatorTest(detachDelayMs = 300, requireNothingLive = true)
class FlyProfileSessionTest extends AgentTestBase {

    @Test
    void a_session_and_a_run_succeed_under_flys_latency_and_rate_limits_and_leave_nothing() {
        emulator.conditions().profile(Profile.FLY).seed(5);

        try (FlyClient hard = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .retryPolicy(RetryPolicy.standard())
                .build()) {
            Sessions onFly = new Sessions(hard, new InMemorySessionStore(), Duration.ofSeconds(20));
            TurnResult one = onFly.create(APP, config("remember 7"), SessionOptions.DEFAULTS.withTurnTimeout(TIMEOUT));
            TurnResult two = onFly.turn(one.session().sessionId(), turn("what was it?"));
            assertThat(two.result().output()).anyMatch(l -> l.contains("1 earlier turn"));
            onFly.destroy(one.session().sessionId());

            RunResult run = new Runner(hard).run(APP, config("once"), RunOptions.DEFAULTS.withTimeout(TIMEOUT));
            assertThat(run.succeeded()).isTrue();
        }
        assertThat(emulator.liveResources()).isEmpty();
    }
}

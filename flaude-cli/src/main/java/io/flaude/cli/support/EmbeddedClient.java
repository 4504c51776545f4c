package io.flaude.cli.support;

import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.FlyClient;
import io.flaude.fly.RateBudget;

/**
 * A client for an emulator a command started itself (the demo, benches, chaos): pointed at it, with its
 * token, Fly's rate budget only when the emulator enforces Fly's limits, and no environment read (a
 * {@code FLAUDE_NATS_URL} in the shell must not send an embedded emulator's client to a real NATS).
 */
public final class EmbeddedClient {
    private EmbeddedClient() {}

    public static FlyClient.Builder builder(FlyEmulator emulator) {
        return FlyClient.builder()
                .environment(name -> null)
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .rateBudget(emulator.conditions().rateLimitsEnforced() ? RateBudget.fly() : RateBudget.unlimited());
    }
}

package io.flaude.agent.internal;

import io.flaude.fly.FlyInterruptedException;
import java.time.Duration;

/** A pause between two tries of a call; an interrupt ends it with {@link FlyInterruptedException}. Not API. */
final class Pause {
    private Pause() {}

    /** @param before what the pause comes before, for the interrupt's message */
    static void of(Duration d, String before) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlyInterruptedException("interrupted before " + before, e);
        }
    }
}

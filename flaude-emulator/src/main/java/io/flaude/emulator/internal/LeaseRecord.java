package io.flaude.emulator.internal;

import java.time.Instant;

/**
 * A machine lease. It expires lazily: once {@code expiresAt} has passed it is ignored and replaced.
 *
 * @param version the machine version when the lease was taken
 */
record LeaseRecord(String nonce, Instant expiresAt, String owner, String description, String version) {
    boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

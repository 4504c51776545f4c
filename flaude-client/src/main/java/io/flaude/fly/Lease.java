package io.flaude.fly;

import java.time.Instant;

/**
 * A lease on one machine: while it is live, only requests carrying its {@code nonce} (header
 * {@code fly-machine-lease-nonce}) may change the machine. The nonce is a secret of the holder and
 * is left out of {@link #toString()}.
 */
public record Lease(String machineId, String nonce, Instant expiresAt, String owner, String description) {
    @Override
    public String toString() {
        return "Lease[machineId=" + machineId + ", expiresAt=" + expiresAt + ", owner=" + owner + ", description="
                + description + "]";
    }
}

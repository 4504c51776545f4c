package io.flaude.emulator.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The behaviour settings of one emulator, fixed at start.
 *
 * @param orgSlug the only organization this emulator knows
 * @param forkHydrationDelay how long a fork stays {@code hydrating}
 * @param restoreDelay how long a restore stays {@code restoring}
 * @param snapshotDelay how long a new snapshot stays out of the list
 * @param detachDelay how long a destroyed machine's volume stays bound to it
 * @param dataDir where volume directories live, or null for a temporary directory of the emulator's own
 */
public record EmulatorConfig(String orgSlug, Duration forkHydrationDelay, Duration restoreDelay, Duration snapshotDelay,
                             Duration detachDelay, Path dataDir) {
    public EmulatorConfig {
        Objects.requireNonNull(orgSlug, "orgSlug");
        Objects.requireNonNull(forkHydrationDelay, "forkHydrationDelay");
        Objects.requireNonNull(restoreDelay, "restoreDelay");
        Objects.requireNonNull(snapshotDelay, "snapshotDelay");
        Objects.requireNonNull(detachDelay, "detachDelay");
    }
}

package io.flaude.emulator.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The behaviour settings of one emulator, fixed at start.
 *
 * @param orgSlug the only organization this emulator knows
 * @param forkHydrationDelay how long a fork stays {@code hydrating}
 * @param restoreDelay how long a restore stays {@code restoring}
 * @param snapshotDelay how long a new snapshot stays out of the list
 * @param detachDelay how long a destroyed machine's volume stays bound to it
 * @param stopDelay how long an instance takes to exit after SIGTERM (a stop, an update of a running machine,
 *     a restart), so the machine stays {@code stopping} (or {@code replacing}) that long; zero for at once
 * @param dataDir where volume directories live, or null for a temporary directory of the emulator's own
 * @param createLag how long a new machine stays invisible to GET and {@code /wait} (404), as Fly's
 *     eventual consistency can show it; zero for none
 * @param agentImages globs ({@code *} matches anything) naming the images that run the simulated agent;
 *     every other image runs a long-lived process
 * @param natsUrl the NATS server every printed line is also published to, as Fly's log stream, or null
 * @param shipTo the drain a log shipper posts every printed line to, or null
 * @param logLag how long a printed line takes to show in the logs API (Fly's logs trail the output);
 *     zero for none. NATS gets it at once.
 */
public record EmulatorConfig(
        String orgSlug,
        Duration forkHydrationDelay,
        Duration restoreDelay,
        Duration snapshotDelay,
        Duration detachDelay,
        Duration stopDelay,
        Path dataDir,
        Duration createLag,
        List<String> agentImages,
        String natsUrl,
        ShipTo shipTo,
        Duration logLag) {
    /** A drain for the emulated log shipper: its URL, bearer token and batch interval. */
    public record ShipTo(java.net.URI url, String token, Duration interval) {
        public ShipTo {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(interval, "interval");
        }
    }

    public EmulatorConfig {
        agentImages = List.copyOf(agentImages);
        Objects.requireNonNull(orgSlug, "orgSlug");
        Objects.requireNonNull(forkHydrationDelay, "forkHydrationDelay");
        Objects.requireNonNull(restoreDelay, "restoreDelay");
        Objects.requireNonNull(snapshotDelay, "snapshotDelay");
        Objects.requireNonNull(detachDelay, "detachDelay");
        Objects.requireNonNull(stopDelay, "stopDelay");
        Objects.requireNonNull(createLag, "createLag");
        Objects.requireNonNull(logLag, "logLag");
    }
}

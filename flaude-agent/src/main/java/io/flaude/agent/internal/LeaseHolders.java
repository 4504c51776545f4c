package io.flaude.agent.internal;

import io.flaude.fly.Lease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a lease: the description flaude gives its leases ({@code flaude WHAT (pid N on HOST)}), so whoever
 * meets one can tell whose it is, and the words of a refusal, which say when the holder is a process of this
 * host that no longer runs (a lease outlives a killed process until it lapses; Fly lets no one else break it).
 * Not API.
 */
public final class LeaseHolders {
    private static final long PID = ProcessHandle.current().pid();
    private static final String HOST = host();
    private static final Pattern HOLDER = Pattern.compile("\\(pid (\\d+) on ([^)\\s]+)\\)");

    private LeaseHolders() {}

    /** The description of a lease this process takes for {@code what}. */
    public static String of(String what) {
        return "flaude " + what + " (pid " + PID + (HOST == null ? "" : " on " + HOST) + ")";
    }

    /**
     * Who holds a lease and until when, for a refusal: {@code its machine's lease is held by "flaude turn of
     * session X (pid 4242 on h)" until T; ...}, ending with what happens next: the lease lapses by itself then
     * (said plainly when its holder is a process of this host that no longer runs).
     */
    public static String heldBy(Lease lease) {
        String who = lease.description() == null || lease.description().isBlank()
                ? (lease.owner() == null ? "someone else" : lease.owner())
                : "\"" + lease.description() + "\"";
        String text = "its machine's lease is held by " + who;
        if (lease.expiresAt() == null) {
            return text;
        }
        long seconds =
                Math.max(0, Duration.between(Instant.now(), lease.expiresAt()).toSeconds());
        return text + " until " + lease.expiresAt()
                + (deadHere(lease.description())
                        ? "; that process no longer runs, so no turn holds it: it lapses by itself in " + seconds + " s"
                        : "; if that process has stopped, the lease lapses by itself then");
    }

    /** Whether the description names a process of this host that is no longer running. */
    static boolean deadHere(String description) {
        if (description == null || HOST == null) {
            return false;
        }
        Matcher m = HOLDER.matcher(description);
        return m.find()
                && m.group(2).equals(HOST)
                && ProcessHandle.of(Long.parseLong(m.group(1)))
                        .map(p -> !p.isAlive())
                        .orElse(true);
    }

    /** This host's name, from the kernel or the environment (never a DNS lookup); null when unknown. */
    private static String host() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the environment may say
        }
        String env = System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME") : System.getenv("COMPUTERNAME");
        return env == null || env.isBlank() ? null : env.strip();
    }
}

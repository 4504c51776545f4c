package io.flaude.agent.internal;

import io.flaude.fly.AppSecret;
import io.flaude.fly.Machine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Which of the app secrets flaude named ({@link FlyMarks#SECRET_NAME}) have no reader left, as one reap sees
 * them: the reaper tells it who reads what (recorded sessions, machines that stay, machines gone or destroyed
 * by this reap, the session volumes that exist), then asks which prefixes to unset, and why. Not API.
 * <ul>
 *   <li>a run's or batch's ({@code FLAUDE_R_}): at once when the only machines that read them were dead runs'
 *       (destroyed by this reap); else once {@link #LINGER} has passed since they were set and since the last
 *       machine that read them went (the gap between two runs of a batch);</li>
 *   <li>a session's ({@code FLAUDE_S_}) that no record names: once no machine reads them, no volume is named
 *       for the session (a create makes its volume before its secrets), and they were set {@link #LINGER} ago;
 *       else after the grace.</li>
 * </ul>
 */
final class TokenSweep {
    /** How long tokens with no reader are kept: the gap between one run of a batch and the next. */
    static final Duration LINGER = Duration.ofMinutes(2);

    /** Prefixes to unset: their secrets' names, and why. */
    record Orphan(String prefix, List<String> names, String reason) {}

    private final Set<String> read = new HashSet<>();
    private final Map<String, Instant> lastRead = new HashMap<>();
    private final Set<String> deadReaders = new HashSet<>();
    private final Set<String> sessionVolumes = new HashSet<>();

    /** The tokens of a recorded session, or of a machine that stays, are read. */
    void read(String prefix) {
        read.add(prefix);
    }

    /** A machine that is gone read these tokens until its last update. */
    void readUntilGone(Machine gone) {
        gone.metadata(FlyMarks.SECRETS_PREFIX)
                .ifPresent(p -> lastRead.merge(p, lastSeen(gone), (a, b) -> a.isAfter(b) ? a : b));
    }

    /** A dead run's machine (this reap destroys it) read these tokens: no live run will again. */
    void readByDeadRun(String prefix) {
        deadReaders.add(prefix);
    }

    /** A live session volume of this name exists. */
    void volume(String name) {
        sessionVolumes.add(name);
    }

    /** The prefixes whose secrets have no reader left, oldest name first. */
    List<Orphan> orphans(List<AppSecret> secrets, Instant now, Instant cutoff) {
        Map<String, List<AppSecret>> unread = new TreeMap<>();
        for (AppSecret secret : secrets) {
            Matcher name = FlyMarks.SECRET_NAME.matcher(secret.name());
            if (name.matches() && !read.contains(name.group(1))) {
                unread.computeIfAbsent(name.group(1), k -> new ArrayList<>()).add(secret);
            }
        }
        Instant soon = now.minus(LINGER);
        List<Orphan> orphans = new ArrayList<>();
        unread.forEach((prefix, set) -> {
            List<String> names = set.stream().map(AppSecret::name).toList();
            boolean settled = set.stream().allMatch(s -> olderThan(lastSet(s), soon));
            if (FlyMarks.isRunSecrets(prefix)) {
                if (deadReaders.contains(prefix)
                        || settled
                                && lastRead.getOrDefault(prefix, Instant.EPOCH).isBefore(soon)) {
                    orphans.add(new Orphan(prefix, names, "orphan: a run's tokens no live run reads"));
                }
            } else if (settled && !sessionVolumes.contains(FlyMarks.volumeNameOfSecrets(prefix))) {
                orphans.add(new Orphan(prefix, names, "orphan: a session's tokens, and the session is gone"));
            } else if (set.stream().allMatch(s -> olderThan(lastSet(s), cutoff))) {
                orphans.add(new Orphan(prefix, names, "orphan: secrets no machine reads"));
            }
        });
        return orphans;
    }

    /** When a gone machine was last seen in use: its last update (its destroy), else its creation. */
    private static Instant lastSeen(Machine m) {
        return m.updatedAt() != null ? m.updatedAt() : m.createdAt() != null ? m.createdAt() : Instant.EPOCH;
    }

    private static Instant lastSet(AppSecret s) {
        return s.updatedAt() != null ? s.updatedAt() : s.createdAt();
    }

    private static boolean olderThan(Instant t, Instant cutoff) {
        return t == null || t.isBefore(cutoff);
    }
}

package io.flaude.fly;

import io.flaude.fly.internal.logs.FollowedMachine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One machine's log lines as they come, from {@link Logs#follow}: each line once, whichever source
 * (the logs API, NATS, a drain) brought it. {@link #close()} stops following.
 */
public final class LogFollow implements AutoCloseable {
    private final String machineId;
    private final FollowedMachine follower;

    LogFollow(String machineId, FollowedMachine follower) {
        this.machineId = machineId;
        this.follower = follower;
    }

    public String machineId() {
        return machineId;
    }

    /** The lines received so far, oldest first (the newest 100,000 of them, so a long follow stays bounded). */
    public List<LogLine> lines() {
        return follower.lines();
    }

    /**
     * Ends the follow: reads the machine's lines once more from the logs API (so none a live source
     * missed is lost), then waits until a line matching {@code endLine} (an exit marker, say) is in or
     * {@code grace} has passed, since Fly's logs can trail a machine's stop; returns every line, oldest
     * first. When the end line is in the first read, that read is all it costs.
     *
     * @throws FlyInterruptedException when the thread is interrupted meanwhile (its flag stays set)
     */
    public List<LogLine> finish(Predicate<LogLine> endLine, Duration grace) {
        Objects.requireNonNull(endLine, "endLine");
        try {
            return follower.finish(endLine, Objects.requireNonNull(grace, "grace"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlyInterruptedException("interrupted while reading the logs of machine " + machineId, e);
        }
    }

    /**
     * {@link #finish(Predicate, Duration)} with the client's log grace ({@link FlyClient.Builder#logGrace},
     * 3 s unless set): how long Fly's logs may trail a machine's stop.
     */
    public List<LogLine> finish(Predicate<LogLine> endLine) {
        return finish(endLine, follower.grace());
    }

    @Override
    public void close() {
        follower.stop();
    }

    @Override
    public String toString() {
        return "LogFollow{machine=" + machineId + "}";
    }
}

package io.flaude.agent.internal;

import io.flaude.agent.RunResult;
import io.flaude.fly.FlyApiException;
import io.flaude.fly.FlyNotFoundException;
import io.flaude.fly.LogFollow;
import io.flaude.fly.LogLine;
import io.flaude.fly.LogPosition;
import io.flaude.fly.Logs;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineState;
import io.flaude.fly.Machines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits for one started instance to stop while following its logs, then reads the outcome. Shared
 * by one-shot runs and session turns, so both follow the same rules. Not API.
 */
public final class Execution {
    private Execution() {}

    /**
     * @param started  the machine as the create or update call answered (its instance and timestamp)
     * @param follower following this instance's lines
     */
    public static RunResult await(Machines machines, Machine started, LogFollow follower, Duration timeout) {
        Instant since = started.updatedAt() != null ? started.updatedAt() : started.createdAt();
        Optional<Machine> after = null;
        MachineState reached = null;
        try {
            reached = machines.awaitState(started, MachineState.STOPPED, timeout);
        } catch (FlyNotFoundException vanished) {
            after = Optional.empty();
        } catch (FlyApiException refused) {
            // An auto-destroyed machine may refuse a wait once it is gone; then its logs tell the outcome.
            after = machines.find(started.id());
            if (after.isPresent() && !after.get().isGone()) {
                throw refused;
            }
        }
        // Fly's logs can trail the stop, and the destroy of an auto-destroyed machine: wait for the marker either way
        // (for the client's log grace).
        List<String> lines = follower.finish(line -> Outcome.isMarker(line.message())).stream()
                .map(LogLine::message)
                .toList();
        if (reached != null && Outcome.marker(lines) != null) {
            // The marker decides the exit code: the machine need not be read again (one round trip saved).
            return Outcome.withMarker(started.id(), started.instanceId(), reached.wire(), lines);
        }
        if (after == null) {
            after = machines.find(started.id());
        }
        return Outcome.of(started.id(), started.instanceId(), after, since, lines);
    }

    /** Follows a machine's output printed after {@code after}, live; every machine of the app shares one reader. */
    public static LogFollow follow(Logs logs, String machineId, LogPosition after, Consumer<String> onLine) {
        Consumer<String> each = onLine == null ? line -> {} : onLine;
        return logs.follow(machineId, after, line -> each.accept(line.message()));
    }
}

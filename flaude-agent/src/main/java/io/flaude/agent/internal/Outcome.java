package io.flaude.agent.internal;

import io.flaude.agent.RunResult;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one exit-code rule every path uses: the {@code [flaude:exit:N]} marker wins over the API's exit
 * event (Fly's VM code can be non-zero after a clean run); only exit events newer than the run's start
 * count, so a turn never reads the previous turn's code; a {@code failed} machine is a failure; a
 * machine that vanished without printing its marker is a failure. Not API.
 */
public final class Outcome {
    private static final Pattern EXIT = ImageContract.EXIT;
    private static final Pattern MANIFEST = ImageContract.MANIFEST;

    private Outcome() {}

    /**
     * @param machine  the machine as read after the run, empty if it no longer exists
     * @param since    server time the run started (the create or update answer's timestamp)
     * @param lines    what this run printed
     */
    public static RunResult of(
            String machineId, String instanceId, Optional<Machine> machine, Instant since, List<String> lines) {
        Integer exit = marker(lines);
        if (exit == null && machine.isPresent()) {
            exit = machine.get().events().stream()
                    .filter(e -> e.exitCode() != null
                            && (since == null
                                    || e.timestamp() == null
                                    || !e.timestamp().isBefore(since)))
                    .map(MachineEvent::exitCode)
                    .findFirst()
                    .orElse(null);
        }
        String state = machine.map(Machine::stateAsString).orElse(null);
        return new RunResult(machineId, instanceId, exit, state, lines, manifest(lines), List.of());
    }

    /** A run whose marker was printed, with the state the wait answered: no need to read the machine again. */
    public static RunResult withMarker(String machineId, String instanceId, String state, List<String> lines) {
        return new RunResult(machineId, instanceId, marker(lines), state, lines, manifest(lines), List.of());
    }

    /** Whether {@code line} is an {@code [flaude:exit:N]} marker. */
    public static boolean isMarker(String line) {
        return EXIT.matcher(line).matches();
    }

    /** The last {@code [flaude:exit:N]} marker, if printed. */
    public static Integer marker(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = EXIT.matcher(lines.get(i));
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }

    private static String manifest(List<String> lines) {
        for (String line : lines) {
            Matcher m = MANIFEST.matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }
}

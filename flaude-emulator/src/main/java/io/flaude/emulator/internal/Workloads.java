package io.flaude.emulator.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a machine's image runs in the emulator. Images matching the agent globs (by default the flaude
 * agent image) run the simulated agent; every other image (nginx, a user's own service) runs a
 * long-lived process that stays {@code started} until it is stopped, replaced or destroyed, as a
 * server does on Fly.
 */
final class Workloads {
    /** The exit of a long-lived process asked to stop: a server that shuts down cleanly. */
    static final SimulatedAgent.Exit CLEAN_STOP = new SimulatedAgent.Exit(0, false, false);

    private final List<Pattern> agentImages;

    Workloads(List<String> globs) {
        this.agentImages = globs.stream().map(Workloads::glob).toList();
    }

    boolean runsAgent(String image) {
        return image != null
                && agentImages.stream().anyMatch(p -> p.matcher(image).matches());
    }

    /** Runs until the thread is interrupted (a stop, an update, a kill); prints one line when it starts. */
    static SimulatedAgent.Exit serveUntilStopped(String image, Consumer<String> print) {
        print.accept("[emulator] " + image + " is running (a long-lived process: it runs until stopped)");
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            // SIGTERM (or SIGKILL): the process ends.
        }
        return CLEAN_STOP;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}

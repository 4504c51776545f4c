package io.flaude.cli;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.InMemorySessionStore;
import io.flaude.agent.Session;
import io.flaude.agent.SessionOptions;
import io.flaude.agent.Sessions;
import io.flaude.agent.TurnOptions;
import io.flaude.agent.TurnResult;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Machine;
import io.flaude.fly.VolumeListOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The second half of {@code flaude demo}: a two-turn session on the emulator's simulated agent. */
final class SessionDemo {
    private final FlyClient fly;
    private final String app;
    private final PrintWriter out;

    SessionDemo(FlyClient fly, String app, PrintWriter out) {
        this.fly = fly;
        this.app = app;
        this.out = out;
    }

    /** Runs the story from step {@code first}; throws if anything is left behind. */
    void run(int first) {
        try (Sessions sessions = new Sessions(fly, new InMemorySessionStore(), Duration.ofSeconds(30))) {
            story(sessions, first);
        }
    }

    private void story(Sessions sessions, int first) {
        AgentConfig config = AgentConfig.builder()
                .claudeToken("demo-token-not-a-secret")
                .prompt("Remember the number 42.")
                .env(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "100"))
                .build();
        TurnResult one = sessions.create(app, config, SessionOptions.DEFAULTS.withTurnTimeout(Duration.ofMinutes(1)));
        Session s = one.session();
        DemoCommand.step(
                out,
                first,
                "create a session (turn 1)",
                "session " + s.sessionId() + ", machine " + s.machineId() + " (stopped), volume " + s.volumeId()
                        + ", exit code " + one.result().exitCode());

        TurnResult two = sessions.turn(
                s.sessionId(),
                TurnOptions.prompt("Which number did I ask you to remember?").withTimeout(Duration.ofMinutes(1)));
        DemoCommand.step(out, first + 1, "turn 2 reads turn 1's transcript", answer(two));

        List<Session> listed = sessions.list();
        DemoCommand.step(
                out,
                first + 2,
                "list sessions",
                listed.size() + " session(s): " + listed.get(0).sessionId() + " ("
                        + listed.get(0).stateAsString() + ")");

        sessions.destroy(s.sessionId());
        DemoCommand.step(
                out, first + 3, "destroy the session", "machine destroyed; volume destroyed once Fly released it");

        List<Machine> machines =
                fly.machines(app).list().stream().filter(m -> !m.isGone()).toList();
        int volumes = fly.volumes(app).list(VolumeListOptions.LIVE).size();
        DemoCommand.step(
                out,
                first + 4,
                "prove nothing is left",
                machines.size() + " live machine(s), " + volumes + " live volume(s), "
                        + sessions.list().size() + " session(s)");
        if (!machines.isEmpty() || volumes != 0 || !sessions.list().isEmpty()) {
            throw new IllegalStateException("the session left resources behind");
        }
    }

    private static String answer(TurnResult turn) {
        return turn.result().output().stream()
                .filter(l -> l.contains("earlier turn"))
                .findFirst()
                .orElse("exit code " + turn.result().exitCode());
    }
}

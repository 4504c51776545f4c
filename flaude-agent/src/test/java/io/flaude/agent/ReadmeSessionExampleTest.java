package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's sessions example, compiled and run on the emulator (the token is a stand-in). */
class ReadmeSessionExampleTest extends AgentTestBase {

    @Test
    void the_sessions_example_from_the_readme(@TempDir Path home) {
        List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
        // readme-sessions-begin
        AgentConfig config = AgentConfig.builder()
                .claudeToken("stand-in for System.getenv(\"CLAUDE_CODE_OAUTH_TOKEN\")")
                .prompt("Read the README and list three improvements")
                .repos(List.of(Repo.of("https://github.com/me/project")))
                .build();
        try (SessionStore store = new SqliteSessionStore(home.resolve("sessions.db"))) {
            Sessions sessions = new Sessions(fly, store);
            TurnResult one = sessions.create(APP, config, SessionOptions.DEFAULTS, printed::add);
            sessions.turn(one.session().sessionId(), TurnOptions.prompt("Do the first one").withOnLine(printed::add));
            sessions.destroy(one.session().sessionId());      // machine, then the volume once Fly lets go
        }
        // readme-sessions-end
        assertThat(printed).anyMatch(l -> l.contains("1 earlier turn"));
        assertThat(liveMachines()).isEmpty();
    }
}

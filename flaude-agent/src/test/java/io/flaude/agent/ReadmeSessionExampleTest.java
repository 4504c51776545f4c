package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's sessions example, compiled and run on the emulator (the token is a stand-in). */
class ReadmeSessionExampleTest extends AgentTestBase {

    @Test
    void the_sessions_example_from_the_readme(@TempDir Path home) {
        // readme-sessions-begin
        AgentConfig config = AgentConfig.builder()
                .claudeToken("stand-in for System.getenv(\"CLAUDE_CODE_OAUTH_TOKEN\")")
                .prompt("Read the README and list three improvements")
                .repos(List.of(Repo.of("https://github.com/me/project")))
                .build();
        fly.apps().ensure("my-agents", "personal");
        try (SessionStore store = new SqliteSessionStore(home.resolve("sessions.db"))) {
            Sessions sessions = new Sessions(fly, store);
            TurnResult one = sessions.create("my-agents", config, SessionOptions.DEFAULTS, System.out::println);
            sessions.turn(one.session().sessionId(), TurnOptions.prompt("Do the first one").withOnLine(System.out::println));
            sessions.destroy(one.session().sessionId());      // machine, then the volume once Fly lets go
        }
        // readme-sessions-end
        assertThat(emulator.liveResources()).isEmpty();
    }

    @Test
    void the_sessions_example_from_docs_sessions(@TempDir Path home) {
        fly.apps().ensure("my-agents", "personal");
        AgentConfig config = config("first");
        boolean succeeded;
        try (SessionStore store = new SqliteSessionStore(home.resolve("sessions.db"))) {
            Sessions sessions = new Sessions(fly, store);
            TurnResult one = sessions.create("my-agents", config, SessionOptions.DEFAULTS.withTtl(Duration.ofHours(24)), System.out::println);
            TurnResult two = sessions.turn(one.session().sessionId(), TurnOptions.prompt("now add tests")
                    .withEnv(Map.of("DEBUG", "1"))                // for this turn only
                    .withTimeout(Duration.ofMinutes(30)).withOnLine(System.out::println));
            sessions.destroy(one.session().sessionId());
            succeeded = two.result().succeeded();
        }
        assertThat(succeeded).isTrue();
        assertThat(emulator.liveResources()).isEmpty();
    }
}

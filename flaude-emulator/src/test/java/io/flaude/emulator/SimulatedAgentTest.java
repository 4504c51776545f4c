package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SimulatedAgentTest extends MachineTestBase {
    private static final String SESSION = "3f2b9c1e-0d4a-4e8b-9a51-2c7d6e8f0a1b";

    /** Runs one turn on a new machine and returns it once its instance has exited. */
    private JsonNode firstTurn(Map<String, String> env, String volume, String mount) {
        JsonNode m = createMachine("{\"config\":" + config(env, volume, mount) + "}");
        awaitExit(m);
        return m;
    }

    /** Runs another turn on the machine with a new env: update, start, wait for the new version's exit. */
    private void nextTurn(JsonNode machine, Map<String, String> env, String volume, String mount) {
        String path = MACHINES + "/" + machine.get("id").stringValue();
        JsonNode updated = Api.json(api.post(path, "{\"config\":" + config(env, volume, mount) + "}"));
        assertThat(api.post(path + "/start", null).statusCode()).isEqualTo(200);
        awaitExit(updated);
    }

    private List<String> logs(JsonNode machine) {
        return fly.logLines(APP, machine.get("id").stringValue());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_session_turn_writes_its_transcript_under_the_encoded_working_directory() {
        String volume = createVolume();

        JsonNode m = firstTurn(agentEnv("first prompt", "FLAUDE_SESSION_ID", SESSION), volume, "/data");

        Path transcript =
                fly.volumeDirectory(APP, volume).resolve("claude/projects/-data-workspace/" + SESSION + ".jsonl");
        assertThat(lines(transcript)).hasSize(2);
        assertThat(Api.json(lines(transcript).get(0))
                        .get("message")
                        .get("content")
                        .stringValue())
                .isEqualTo("first prompt");
        assertThat(logs(m))
                .contains(
                        "Turn 1 of session " + SESSION + ". This is a new session; I remember no earlier turn."
                                + " You said: \"first prompt\"",
                        "[flaude:exit:0]");
    }

    @Test
    void the_second_turn_remembers_the_first() {
        String volume = createVolume();
        JsonNode m = firstTurn(agentEnv("first prompt", "FLAUDE_SESSION_ID", SESSION), volume, "/data");

        nextTurn(m, agentEnv("second prompt", "FLAUDE_SESSION_ID", SESSION), volume, "/data");

        assertThat(logs(m))
                .contains("Turn 2 of session " + SESSION
                        + ". I remember 1 earlier turn; the last prompt was: \"first prompt\"."
                        + " You said: \"second prompt\"");
        Path transcript =
                fly.volumeDirectory(APP, volume).resolve("claude/projects/-data-workspace/" + SESSION + ".jsonl");
        assertThat(lines(transcript)).hasSize(4);
    }

    @Test
    void a_custom_mount_path_holds_the_session_when_the_env_names_it() {
        String volume = createVolume();

        firstTurn(agentEnv("hi", "FLAUDE_SESSION_ID", SESSION, "CLAUDE_CONFIG_DIR", "/vol/claude"), volume, "/vol");

        Path root = fly.volumeDirectory(APP, volume);
        assertThat(root.resolve("claude/projects/-vol-workspace/" + SESSION + ".jsonl"))
                .isRegularFile();
        assertThat(root.resolve(".flaude_cwd")).content().isEqualTo("/vol/workspace\n");
    }

    @Test
    void a_session_without_its_mount_fails_with_exit_2() {
        String volume = createVolume();

        JsonNode m =
                firstTurn(agentEnv("hi", "FLAUDE_SESSION_ID", SESSION, "FLAUDE_MOUNT_PATH", "/vol"), volume, "/mnt");

        assertThat(logs(m))
                .containsExactly(
                        "[flaude:error] session mode needs the volume mounted at /vol"
                                + " (FLAUDE_MOUNT_PATH), but it does not exist",
                        "[flaude:exit:2]");
    }

    @Test
    void a_single_repo_is_cloned_and_becomes_the_working_directory() {
        String volume = createVolume();
        String repos =
                "[{\"url\":\"https://x-access-token:ghp_secret@github.com/acme/widgets.git\",\"branch\":\"main\"}]";

        JsonNode m = firstTurn(agentEnv("hi", "FLAUDE_SESSION_ID", SESSION, "FLAUDE_REPOS", repos), volume, "/data");

        Path root = fly.volumeDirectory(APP, volume);
        assertThat(root.resolve("workspace/widgets/.git/flaude-clone-complete")).isRegularFile();
        assertThat(root.resolve("claude/projects/-data-workspace-widgets/" + SESSION + ".jsonl"))
                .isRegularFile();
        assertThat(logs(m))
                .contains(
                        "[flaude] cloning https://github.com/acme/widgets.git (branch main) into /data/workspace/widgets");
        assertThat(logs(m)).noneMatch(line -> line.contains("ghp_secret"));
        String manifest = logs(m).stream()
                .filter(l -> l.startsWith("[flaude:manifest:"))
                .findFirst()
                .orElseThrow();
        JsonNode json = Api.json(manifest.substring("[flaude:manifest:".length(), manifest.length() - 1));
        assertThat(json.get("mode").stringValue()).isEqualTo("session");
        assertThat(json.get("turn").stringValue()).isEqualTo("first");
        assertThat(json.get("workdir").stringValue()).isEqualTo("/data/workspace/widgets");
        assertThat(json.get("repos").get(0).get("status").stringValue()).isEqualTo("cloned");
        assertThat(json.get("output_format").stringValue()).isEqualTo("text");
    }

    @Test
    void a_one_shot_run_writes_nothing_on_the_volume() {
        String volume = createVolume();

        JsonNode m =
                firstTurn(agentEnv("hi", "FLAUDE_REPOS", "[\"https://github.com/acme/widgets\"]"), volume, "/data");

        assertThat(files(fly.volumeDirectory(APP, volume))).isEmpty();
        assertThat(logs(m)).contains("One-shot run, no session. You said: \"hi\"", "[flaude:exit:0]");
    }

    @Test
    void a_missing_token_is_reported_and_exits_2() {
        JsonNode m = firstTurn(Map.of("FLAUDE_PROMPT", "hi"), null, null);

        assertThat(logs(m))
                .containsExactly(
                        "[flaude:error] missing required environment: CLAUDE_CODE_OAUTH_TOKEN", "[flaude:exit:2]");
        JsonNode exit = Api.json(api.get(MACHINES + "/" + m.get("id").stringValue() + "/events"))
                .get(0);
        assertThat(exit.get("request").get("exit_event").get("exit_code").intValue())
                .isEqualTo(2);
    }

    @Test
    void json_output_is_one_result_object() {
        JsonNode m = firstTurn(agentEnv("hi", "FLAUDE_OUTPUT_FORMAT", "json"), null, null);

        List<String> logs = logs(m);
        String line = logs.get(logs.size() - 3);
        assertThat(logs.subList(logs.size() - 2, logs.size())).containsExactly("", "[flaude:exit:0]");
        assertThat(Api.json(line).get("type").stringValue()).isEqualTo("result");
        assertThat(Api.json(line).get("result").stringValue()).contains("You said: \"hi\"");
    }

    @Test
    void stream_json_output_is_a_few_event_lines() {
        JsonNode m = firstTurn(agentEnv("hi", "FLAUDE_OUTPUT_FORMAT", "stream-json"), null, null);

        assertThat(logs(m))
                .filteredOn(line -> line.startsWith("{"))
                .extracting(line -> Api.json(line).get("type").stringValue())
                .containsExactly("system", "assistant", "result");
    }

    @Test
    void the_token_can_come_from_a_file_in_the_config() {
        String config = "{\"image\":\"" + IMAGE + "\",\"env\":{\"FLAUDE_PROMPT\":\"hi\","
                + "\"CLAUDE_CODE_OAUTH_TOKEN_FILE\":\"/run/flaude/token\"},"
                + "\"files\":[{\"guest_path\":\"/run/flaude/token\",\"raw_value\":\"c2stYW50LXNlY3JldAo=\"}]}";
        JsonNode m = createMachine("{\"config\":" + config + "}");

        awaitExit(m);

        assertThat(logs(m)).last().isEqualTo("[flaude:exit:0]");
    }

    @Test
    void a_forked_volume_starts_with_the_session_of_its_source() {
        String volume = createVolume();
        firstTurn(agentEnv("hi", "FLAUDE_SESSION_ID", SESSION), volume, "/data");

        String fork = api.createVolume(
                        APP, "{\"name\":\"fork\",\"region\":\"iad\",\"source_volume_id\":\"" + volume + "\"}")
                .get("id")
                .stringValue();

        assertThat(fly.volumeDirectory(APP, fork).resolve("claude/projects/-data-workspace/" + SESSION + ".jsonl"))
                .isRegularFile();
    }
}

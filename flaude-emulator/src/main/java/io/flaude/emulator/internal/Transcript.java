package io.flaude.emulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Claude Code session transcript: {@code <CLAUDE_CONFIG_DIR>/projects/<cwd slug>/<session id>.jsonl},
 * one JSON object per line, a {@code user} line per prompt and an {@code assistant} line per answer.
 * The slug is the working directory with every character other than a letter or digit replaced by
 * {@code -}, as Claude Code files projects ({@code /data/workspace} is {@code -data-workspace}).
 */
final class Transcript {
    /** What a transcript holds so far: the number of user turns and the last prompt (null if none). */
    record History(int userTurns, String lastPrompt) {}

    private Transcript() {}

    static String slug(String cwd) {
        return cwd.replaceAll("[^A-Za-z0-9]", "-");
    }

    /** The transcript's guest path for a session run in {@code cwd}. */
    static String path(String configDir, String cwd, String sessionId) {
        return configDir + "/projects/" + slug(cwd) + "/" + sessionId + ".jsonl";
    }

    /** Whether the session has a transcript under any project (the image's first-or-resume test). */
    static boolean existsAnywhere(Path configDir, String sessionId) {
        Path projects = configDir.resolve("projects");
        if (!Files.isDirectory(projects)) {
            return false;
        }
        try (var dirs = Files.list(projects)) {
            return dirs.anyMatch(dir -> Files.isRegularFile(dir.resolve(sessionId + ".jsonl")));
        } catch (IOException e) {
            return false;
        }
    }

    /** Counts the user turns; unreadable lines are skipped. */
    static History read(Path file) throws IOException {
        int turns = 0;
        String last = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode entry = line.isBlank() ? null : Json.tryParse(line);
            if (entry != null && "user".equals(entry.path("type").stringValue(""))) {
                turns++;
                JsonNode content = entry.path("message").path("content");
                last = content.isString() ? content.stringValue() : content.toString();
            }
        }
        return new History(turns, last);
    }

    /** Appends the prompt and the answer, creating the file and its directories when needed. */
    static void append(Path file, String sessionId, String cwd, String prompt, String answer) throws IOException {
        Files.createDirectories(file.getParent());
        String user = UUID.randomUUID().toString();
        ObjectNode question = line("user", sessionId, cwd, user, null);
        question.putObject("message").put("role", "user").put("content", prompt);
        ObjectNode reply = line("assistant", sessionId, cwd, UUID.randomUUID().toString(), user);
        ObjectNode message = reply.putObject("message").put("role", "assistant");
        message.putArray("content").addObject().put("type", "text").put("text", answer);
        String text = Json.write(question) + "\n" + Json.write(reply) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static ObjectNode line(String type, String sessionId, String cwd, String uuid, String parent) {
        ObjectNode node = Json.object()
                .put("type", type)
                .put("sessionId", sessionId)
                .put("cwd", cwd)
                .put("uuid", uuid);
        if (parent == null) {
            node.putNull("parentUuid");
        } else {
            node.put("parentUuid", parent);
        }
        return node.put("timestamp", Views.timestamp(Instant.now()));
    }
}

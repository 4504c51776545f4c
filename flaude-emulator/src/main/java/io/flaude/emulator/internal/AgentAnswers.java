package io.flaude.emulator.internal;

import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/** The simulated agent's answer in Claude Code's three print formats: text, json and stream-json. */
final class AgentAnswers {
    private AgentAnswers() {}

    static void print(String format, String answer, String sessionId, String cwd, boolean error, Consumer<String> out) {
        switch (format) {
            case "json" -> out.accept(Json.write(result(answer, sessionId, error)));
            case "stream-json" -> {
                ObjectNode init = Json.object()
                        .put("type", "system")
                        .put("subtype", "init")
                        .put("session_id", sessionId)
                        .put("cwd", cwd)
                        .put("model", "flaude-emulator");
                init.putArray("tools");
                out.accept(Json.write(init));
                ObjectNode assistant = Json.object().put("type", "assistant");
                ObjectNode message = assistant.putObject("message").put("role", "assistant");
                message.putArray("content").addObject().put("type", "text").put("text", answer);
                assistant.put("session_id", sessionId);
                out.accept(Json.write(assistant));
                out.accept(Json.write(result(answer, sessionId, error)));
            }
            default -> out.accept(answer);
        }
    }

    private static ObjectNode result(String answer, String sessionId, boolean error) {
        return Json.object()
                .put("type", "result")
                .put("subtype", error ? "error_during_execution" : "success")
                .put("is_error", error)
                .put("result", answer)
                .put("session_id", sessionId)
                .put("num_turns", 1);
    }
}

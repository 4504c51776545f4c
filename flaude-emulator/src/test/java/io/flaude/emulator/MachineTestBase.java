package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/** An emulator with an app {@code my-app}, a short detach delay and helpers for machines. */
@FlyEmulatorTest(detachDelayMs = MachineTestBase.DETACH_DELAY_MS)
abstract class MachineTestBase extends EmulatorTestBase {
    static final String APP = "my-app";
    static final String MACHINES = "/v1/apps/" + APP + "/machines";
    static final String IMAGE = "ghcr.io/flaude-java/flaude-agent:0.1.0";
    static final long DETACH_DELAY_MS = 200;
    static final Duration DETACH_DELAY = Duration.ofMillis(DETACH_DELAY_MS);

    @BeforeEach
    void createApp() {
        api.createApp(APP);
    }

    /**
     * A config JSON object with the agent image, this env, restart policy {@code no} (as the flaude
     * client sends it, so a failing agent is not restarted) and optionally one mount at {@code mountPath}.
     */
    static String config(Map<String, String> env, String volumeId, String mountPath) {
        String envJson = env.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        String mounts = volumeId == null
                ? ""
                : ",\"mounts\":[{\"volume\":" + quote(volumeId) + ",\"path\":" + quote(mountPath) + "}]";
        return "{\"image\":" + quote(IMAGE) + ",\"env\":" + envJson + ",\"restart\":{\"policy\":\"no\"}" + mounts + "}";
    }

    /** The env of an agent turn that answers {@code prompt}, plus {@code extra} pairs. */
    static Map<String, String> agentEnv(String prompt, String... extra) {
        var env = new java.util.LinkedHashMap<String, String>();
        env.put("CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat-secret");
        env.put("FLAUDE_PROMPT", prompt);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    /**
     * On an emulator of a test's own: creates app {@code app} and one agent machine in it with this env
     * (no volume); its id.
     */
    static String agentMachine(FlyEmulator fly, String app, Map<String, String> env) {
        Api api = new Api(fly);
        api.createApp(app);
        return Api.json(api.post(
                        "/v1/apps/" + app + "/machines",
                        "{\"region\":\"iad\",\"config\":" + config(env, null, null) + "}"))
                .get("id")
                .stringValue();
    }

    /** Creates a machine from this request body and returns it. */
    JsonNode createMachine(String body) {
        var response = api.post(MACHINES, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    /** Creates a machine running an agent that sleeps {@code sleepMillis}, without a volume. */
    JsonNode createRunning(long sleepMillis) {
        return createMachine("{\"config\":"
                + config(agentEnv("hi", "FLAUDE_EMULATOR_SLEEP_MS", "" + sleepMillis), null, null) + "}");
    }

    /** A 1 GB volume named {@code data} in {@code iad}. */
    String createVolume() {
        return api.createVolume(APP, "{\"name\":\"data\",\"region\":\"iad\",\"size_gb\":1}")
                .get("id")
                .stringValue();
    }

    JsonNode machine(String id) {
        return Api.json(api.get(MACHINES + "/" + id));
    }

    HttpResponse<String> await(String id, String query) {
        return api.get(MACHINES + "/" + id + "/wait?" + query);
    }

    /** Waits (through the API) until the machine is in {@code state}, pinned to {@code version} if not null. */
    JsonNode awaitState(String id, String state, String version) {
        var response = await(id, "state=" + state + "&timeout=10" + (version == null ? "" : "&version=" + version));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    /** Waits until the machine's current instance has exited (stopped, failed or destroyed). */
    JsonNode awaitExit(JsonNode machine) {
        String version = machine.get("version").stringValue();
        var response =
                await(machine.get("id").stringValue(), "state=stopped,failed,destroyed&timeout=10&version=" + version);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    JsonNode volume(String id) {
        return Api.json(api.get("/v1/apps/" + APP + "/volumes/" + id));
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

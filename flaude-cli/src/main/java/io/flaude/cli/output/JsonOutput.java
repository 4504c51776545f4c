package io.flaude.cli.output;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flaude.agent.RunResult;
import io.flaude.agent.Session;
import io.flaude.fly.Machine;
import io.flaude.fly.Snapshot;
import io.flaude.fly.Volume;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json} output: the API's snake_case field names, plus {@code app_name}; lists as arrays.
 * Jackson binds the records of the client and the agent directly (mix-ins below name the few fields
 * whose Java names differ from Fly's); a machine is written from an allow-list instead, because its
 * config holds env values (tokens) that must never be printed.
 */
public final class JsonOutput {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(Volume.class, VolumeJson.class)
            .addMixIn(Snapshot.class, SnapshotJson.class)
            .addMixIn(Session.class, SessionJson.class)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .build();

    private JsonOutput() {}

    /** Writes a value (a record, a list of them, or a map) as indented JSON. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(
                value instanceof List<?> list
                        ? list.stream().map(JsonOutput::view).toList()
                        : view(value));
    }

    /** Writes a value on one line, for output with one object a line (NDJSON). */
    public static String writeLine(Object value) {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(view(value));
    }

    private static Object view(Object value) {
        return value instanceof Machine m ? machine(m) : value;
    }

    /** A run's or turn's outcome: machine, exit code, outcome, machine state, output lines. */
    public static Map<String, Object> run(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("machine_id", r.machineId());
        m.put("instance_id", r.instanceId());
        m.put("exit_code", r.exitCode());
        m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("machine_state", r.machineStateAsString());
        m.put("succeeded", r.succeeded());
        m.put("cleaned_up", r.cleanedUp());
        m.put("cleanup_failures", r.cleanupFailures());
        m.put("output", r.output());
        return m;
    }

    /**
     * A create whose first turn failed: no session ({@code session_id} null), whether it was rolled back
     * (nothing left), and the turn as {@link #turn} shows one.
     */
    public static Map<String, Object> firstTurnFailed(RunResult r, boolean rolledBack) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", null);
        m.put("rolled_back", rolledBack);
        m.put("machine_id", r.machineId());
        m.put("exit_code", r.exitCode());
        m.put("turn_state", "failed");
        m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("machine_state", r.machineStateAsString());
        m.put("output", r.output());
        return m;
    }

    /** A session after a turn: its fields, plus the turn's {@code exit_code}, {@code turn_state} and output. */
    /** @param storeFailure why the store could not record the finished turn ({@code store_failure}), or null */
    public static Map<String, Object> turn(Session s, RunResult r, String storeFailure) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = MAPPER.convertValue(s, LinkedHashMap.class);
        m.put("exit_code", r.exitCode());
        m.put("turn_state", r.succeeded() ? "succeeded" : "failed");
        m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("machine_state", r.machineStateAsString());
        m.put("output", r.output());
        if (storeFailure != null) {
            m.put("store_failure", storeFailure);
        }
        return m;
    }

    private static Map<String, Object> machine(Machine x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("name", x.name());
        m.put("state", x.stateAsString());
        m.put("region", x.region());
        m.put("instance_id", x.instanceId());
        m.put("image", x.config() == null ? null : x.config().image());
        m.put("metadata", x.config() == null ? Map.of() : x.config().metadata());
        m.put("mounts", x.config() == null ? List.of() : x.config().mounts());
        m.put("created_at", x.createdAt());
        m.put("updated_at", x.updatedAt());
        m.put("app_name", x.appName());
        return m;
    }

    /** Fly's volume fields; the block figures are left out when Fly left them out (a summary listing). */
    @JsonIgnoreProperties({"gone", "usable", "attached"})
    private abstract static class VolumeJson {
        @JsonProperty("state")
        abstract String stateAsString();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Long blocks();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Long blockSize();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Long blocksFree();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Long blocksAvail();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Long bytesTotal();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Long bytesUsed();
    }

    private abstract static class SnapshotJson {
        @JsonProperty("size")
        abstract long sizeBytes();

        @JsonProperty("volume_size")
        abstract int volumeSizeGb();
    }

    private abstract static class SessionJson {
        @JsonProperty("app_name")
        abstract String app();

        @JsonProperty("state")
        abstract String stateAsString();

        @JsonProperty("ttl_seconds")
        @JsonSerialize(using = Seconds.class)
        abstract Duration ttl();

        @JsonProperty("idle_timeout_seconds")
        @JsonSerialize(using = Seconds.class)
        abstract Duration idleTimeout();
    }

    /** A duration as whole seconds. */
    private static final class Seconds extends ValueSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator g, SerializationContext context) {
            g.writeNumber(value.toSeconds());
        }
    }
}

package io.flaude.fly.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import io.flaude.emulator.Exchange;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.Guest;
import io.flaude.fly.Lease;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.MachineState;
import io.flaude.fly.Machines;
import io.flaude.fly.Snapshot;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import io.flaude.fly.VolumeSpec;
import io.flaude.fly.VolumeState;
import io.flaude.fly.VolumeUpdate;
import io.flaude.fly.Volumes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mechanically checks both sides against Fly's OpenAPI spec: every request body the client sent and
 * every response the emulator gave, across every apps and volumes operation and their error paths.
 */
class OpenApiContractTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final OpenApiSpec SPEC = new OpenApiSpec();
    private static FlyEmulator emulator;
    private static List<Exchange> exchanges;

    @BeforeAll
    static void exerciseEveryOperation() {
        emulator = FlyEmulator.builder()
                .forkHydrationDelay(Duration.ofMillis(50))
                .restoreDelay(Duration.ofMillis(50))
                .start();
        try (FlyClient fly = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .build()) {
            fly.apps().ensure("contract-app", Apps.DEFAULT_ORG);
            fly.apps().list(Apps.DEFAULT_ORG);
            expectFailure(() -> fly.apps().create("contract-app", Apps.DEFAULT_ORG));
            Volumes volumes = fly.volumes("contract-app");
            Volume v = volumes.create();
            volumes.create(VolumeSpec.builder()
                    .name("full")
                    .region("ord")
                    .sizeGb(2)
                    .encrypted(true)
                    .fstype("ext4")
                    .requireUniqueZone(false)
                    .uniqueZoneAppWide(false)
                    .snapshotRetention(7)
                    .autoBackupEnabled(true)
                    .compute(new Guest("shared", 1, 256))
                    .computeImage("flaude:1")
                    .build());
            volumes.list();
            volumes.list(new VolumeListOptions(true, true, 1));
            volumes.get(v.id());
            volumes.update(v.id(), new VolumeUpdate(10, false));
            volumes.extend(v.id(), 3);
            expectFailure(() -> volumes.extend(v.id(), 2));
            volumes.createSnapshot(v.id());
            List<Snapshot> snapshots = volumes.snapshots(v.id());
            Volume restored = volumes.restore(
                    snapshots.get(0).id(), VolumeSpec.builder().sizeGb(3).build());
            Volume fork = volumes.fork(v.id());
            volumes.waitFor(fork.id(), VolumeState.CREATED, Duration.ofSeconds(5));
            expectFailure(
                    () -> volumes.create(VolumeSpec.builder().region("xyz").build()));
            emulator.attachVolumeForTest("contract-app", v.id(), "3d8d413b29d089");
            expectFailure(() -> volumes.destroy(v.id()));
            emulator.detachVolumeForTest("contract-app", v.id());
            volumes.destroy(v.id());
            volumes.destroy(restored.id());
            volumes.destroy(v.id());
            expectFailure(() -> volumes.get("vol_unknown000000000"));
            exerciseMachines(fly, volumes);
            fly.apps().delete("contract-app", false);
            expectFailure(() -> fly.volumes("contract-app").list());
        }
        // Fly's logs API (/api/v1/...) is not part of the Machines API spec; everything else is checked.
        exchanges = emulator.journal().exchanges().stream()
                .filter(e -> e.path().startsWith("/v1/"))
                .toList();
    }

    /** Every machine operation the client offers, on a machine that mounts a volume. */
    private static void exerciseMachines(FlyClient fly, Volumes volumes) {
        Machines machines = fly.machines("contract-app");
        Volume mounted = volumes.create(VolumeSpec.builder().name("mounted").build());
        MachineConfig config = MachineConfig.builder("ghcr.io/flaude-java/flaude-agent:0.1.0")
                .env(Map.of("CLAUDE_CODE_OAUTH_TOKEN", "t", "FLAUDE_PROMPT", "p"))
                .guest(new Guest("shared", 2, 4096))
                .restartPolicy("no")
                .metadata("session_id", "0b0e7c1e-1111-4222-8333-944455556666")
                .mount(mounted.id(), "/data")
                .build();
        Machine m = machines.create(config, "iad");
        machines.waitFor(m, MachineState.STOPPED, Duration.ofSeconds(10));
        machines.list(MachineListOptions.withMetadata("session_id", "0b0e7c1e-1111-4222-8333-944455556666")
                .includingDeleted());
        Lease lease = machines.acquireLease(m.id(), Duration.ofSeconds(30), "contract");
        expectFailure(() -> machines.acquireLease(m.id(), Duration.ofSeconds(30), "other"));
        lease = machines.refreshLease(lease, Duration.ofSeconds(30));
        Machine updated = machines.leased(lease).update(m.id(), config);
        machines.leased(lease).start(m.id());
        machines.waitFor(updated, MachineState.STOPPED, Duration.ofSeconds(10));
        machines.releaseLease(lease);
        machines.events(m.id());
        machines.start(m.id());
        machines.stop(m.id());
        fly.logs("contract-app").drain(m.id());
        machines.destroy(m.id(), true);
        exerciseServerMachine();
        expectFailure(() -> machines.get("0123456789abcd"));
        volumes.destroy(mounted.id(), Duration.ofSeconds(10));
    }

    /**
     * The machine operations the client does not offer yet, sent as raw HTTP to a long-lived server
     * machine, so the emulator's answers to them are checked against the spec too.
     */
    private static void exerciseServerMachine() {
        String base = "/v1/apps/contract-app/machines";
        JsonNode created = MAPPER.readTree(raw(
                "POST",
                base,
                "{\"region\":\"iad\",\"config\":{\"image\":\"nginx:1.27\"," + "\"metadata\":{\"team\":\"a\"}}}"));
        String m = base + "/" + created.path("id").stringValue();
        raw("GET", m + "/wait?state=started&timeout=10", null);
        raw("POST", m + "/restart", null);
        raw("GET", m + "/wait?state=started&timeout=10", null);
        raw("POST", m + "/signal", "{\"signal\":\"SIGUSR1\"}");
        raw("POST", m + "/cordon", null);
        raw("POST", m + "/uncordon", null);
        raw("GET", m + "/ps", null);
        raw("GET", m + "/versions", null);
        raw("GET", m + "/metadata", null);
        raw("PATCH", m + "/metadata", "{\"metadata\":{\"owner\":\"me\"}}");
        raw("PUT", m + "/metadata", "{\"metadata\":{\"team\":\"b\"}}");
        raw("POST", m + "/metadata/tier", "{\"value\":\"gold\"}");
        raw("GET", m + "/metadata/tier", null);
        raw("DELETE", m + "/metadata/tier", null);
        raw("POST", "/v1/apps/contract-app/secrets", "{\"values\":{\"S_ONE\":\"v1\",\"S_TWO\":\"v2\"}}");
        raw("POST", "/v1/apps/contract-app/secrets/S_THREE", "{\"value\":\"v3\"}");
        raw("GET", "/v1/apps/contract-app/secrets", null);
        raw("GET", "/v1/apps/contract-app/secrets/S_ONE", null);
        raw("DELETE", "/v1/apps/contract-app/secrets/S_TWO", null);
        raw("GET", "/v1/orgs/personal/machines", null);
        raw("GET", "/v1/orgs/personal/volumes?summary=true", null);
        raw("GET", "/v1/platform/regions", null);
        raw("POST", m + "/suspend", null);
        raw("GET", m + "/wait?state=suspended&timeout=10", null);
        raw("DELETE", m + "?force=true", null);
    }

    private static String raw(String method, String path, String body) {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUri() + path))
                    .header("Authorization", "Bearer " + emulator.token())
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                    : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build();
            var answer = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as(method + " " + path + ": " + answer.body())
                    .isLessThan(300);
            return answer.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static void expectFailure(Runnable call) {
        try {
            call.run();
        } catch (FlyException expected) {
            return;
        }
        throw new AssertionError("the call was expected to fail");
    }

    @Test
    void every_exchange_is_a_documented_operation() {
        assertThat(exchanges).allSatisfy(e -> assertThat(SPEC.operation(e.method(), e.path()))
                .as(e.method() + " " + e.path())
                .isPresent());
    }

    @Test
    void the_scenario_covers_every_apps_and_volumes_operation_the_client_offers() {
        assertThat(exchanges)
                .extracting(
                        e -> SPEC.operation(e.method(), e.path()).orElseThrow().id())
                .contains(
                        "Apps_create",
                        "Apps_show",
                        "Apps_list",
                        "Apps_delete",
                        "Volumes_create",
                        "Volumes_list",
                        "Volumes_get_by_id",
                        "Volumes_update",
                        "Volume_delete",
                        "Volumes_extend",
                        "Volumes_list_snapshots",
                        "createVolumeSnapshot",
                        "Machines_create",
                        "Machines_show",
                        "Machines_list",
                        "Machines_update",
                        "Machines_start",
                        "Machines_stop",
                        "Machines_delete",
                        "Machines_wait",
                        "Machines_create_lease",
                        "Machines_release_lease",
                        "Machines_list_events",
                        "Machines_restart",
                        "Machines_suspend",
                        "Machines_signal",
                        "Machines_cordon",
                        "Machines_uncordon",
                        "Machines_list_processes",
                        "Machines_list_versions",
                        "Machines_show_metadata",
                        "Machines_update_metadata",
                        "Machines_update_metadata_deprecated",
                        "Machines_upsert_metadata",
                        "Machines_get_metadata_key",
                        "Machines_delete_metadata",
                        "Secrets_update",
                        "Secret_create",
                        "Secrets_list",
                        "Secret_get",
                        "Secret_delete",
                        "Machines_org_list",
                        "Volumes_org_list",
                        "Platform_regions_get");
    }

    @Test
    void every_request_body_the_client_sent_matches_the_spec() {
        List<String> problems = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (e.requestBody().isEmpty()) {
                continue;
            }
            OpenApiSpec.Operation op = SPEC.operation(e.method(), e.path()).orElseThrow();
            JsonNode schema = op.requestSchema().orElseThrow(() -> new AssertionError(op.id() + " takes no body"));
            report(
                    problems,
                    "request " + op.id(),
                    SPEC.validate(SPEC.schema(schema), MAPPER.readTree(e.requestBody())));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_emulator_response_matches_the_spec_for_its_status() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Exchange e : exchanges) {
            OpenApiSpec.Operation op = SPEC.operation(e.method(), e.path()).orElseThrow();
            if (e.status() >= 400) {
                report(problems, op.id() + " " + e.status(), SPEC.validate(SPEC.component("ErrorResponse"), body(e)));
                assertThat(body(e).path("error").isString())
                        .as(op.id() + " error body")
                        .isTrue();
                checked++;
                continue;
            }
            assertThat(op.documents(e.status()))
                    .as(op.id() + " answered " + e.status())
                    .isTrue();
            var schema = op.responseSchema(e.status());
            if (schema.isPresent()) {
                report(problems, op.id() + " " + e.status(), SPEC.validate(SPEC.schema(schema.get()), body(e)));
                checked++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void every_response_carries_a_fly_request_id() {
        assertThat(exchanges).allSatisfy(e -> assertThat(e.responseHeaders()).containsKey("fly-request-id"));
    }

    @Test
    void the_validator_rejects_a_body_that_breaks_the_spec() {
        JsonNode wrong = MAPPER.readTree("{\"id\":\"vol_x\",\"size_gb\":\"one\",\"host_status\":\"sideways\"}");

        assertThat(SPEC.validate(SPEC.component("Volume"), wrong)).hasSize(2);
    }

    private static JsonNode body(Exchange e) {
        return MAPPER.readTree(e.responseBody());
    }

    private static void report(List<String> problems, String what, List<Error> errors) {
        errors.forEach(err -> problems.add(what + ": " + err));
    }
}

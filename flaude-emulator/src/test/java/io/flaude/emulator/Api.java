package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP against an emulator, as any Fly client would speak it. Test support only. */
final class Api {
    private static final HttpClient SHARED = newClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI base;
    private final String authorization;
    private final Map<String, String> headers;

    Api(FlyEmulator fly) {
        this(SHARED, fly.baseUri(), "Bearer " + fly.token(), Map.of());
    }

    private Api(HttpClient client, URI base, String authorization, Map<String, String> headers) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The same API with another {@code Authorization} header, or none when null. */
    Api authorization(String header) {
        return new Api(client, base, header, headers);
    }

    /** The same API over a client of its own, so no pooled connection is reused. */
    Api freshClient() {
        return new Api(newClient(), base, authorization, headers);
    }

    /** The same API sending one more header on every request. */
    Api header(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(client, base, authorization, more);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    HttpResponse<String> put(String path, String body) {
        return send("PUT", path, body);
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    HttpResponse<String> send(String method, String path, String body) {
        try {
            return sendOrThrow(method, path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> sendOrThrow(String method, String path, String body) throws IOException {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Creates an app in the default {@code personal} org and returns its name. */
    String createApp(String name) {
        var response = post("/v1/apps", "{\"name\":\"" + name + "\",\"org_slug\":\"personal\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return name;
    }

    /** Creates a volume from this request body and returns it. */
    JsonNode createVolume(String app, String body) {
        var response = post("/v1/apps/" + app + "/volumes", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Creates a 3 GB volume named {@code data} in {@code ord} and returns its id. */
    String createVolume(String app) {
        return createVolume(app, "{\"name\":\"data\",\"region\":\"ord\"}")
                .get("id")
                .stringValue();
    }

    /** Polls the volume until its state is {@code state}, and fails after two seconds. */
    JsonNode awaitVolumeState(String app, String id, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            JsonNode volume = json(get("/v1/apps/" + app + "/volumes/" + id));
            if (state.equals(volume.get("state").stringValue()) || System.nanoTime() > deadline) {
                assertThat(volume.get("state").stringValue()).isEqualTo(state);
                return volume;
            }
            sleep(Duration.ofMillis(20));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

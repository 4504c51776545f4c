package io.flaude.emulator.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The README's emulator example, as a user writes it: their own HTTP client against {@code fly.baseUri()}. */
@FlyEmulatorTest(detachDelayMs = 300, requireNothingLive = true)
class MyTest {
    FlyEmulator fly;                                  // a fresh emulator per test, closed after it

    @Test
    void creates_and_destroys_a_volume() throws Exception {
        // point your FlyClient (or any Fly API client) at fly.baseUri() with fly.token();
        // requireNothingLive fails a test that leaves a volume or machine behind
        try (HttpClient http = HttpClient.newHttpClient()) {
            send(http, "POST", "/v1/apps", "{\"name\":\"mine\",\"org_slug\":\"personal\"}");
            String created = send(http, "POST", "/v1/apps/mine/volumes", "{\"name\":\"data\",\"region\":\"iad\",\"size_gb\":1}");
            String id = created.replaceAll(".*\"id\":\"(vol_[a-z0-9]+)\".*", "$1");
            send(http, "DELETE", "/v1/apps/mine/volumes/" + id, null);
        }
        assertThat(fly.liveResources()).isEmpty();
    }

    private String send(HttpClient http, String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fly.baseUri() + path))
                .header("Authorization", "Bearer " + fly.token()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return r.body();
    }
}

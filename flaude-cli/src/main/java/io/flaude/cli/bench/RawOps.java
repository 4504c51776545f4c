package io.flaude.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The same cycle with the bare JDK HttpClient and no parsing beyond finding the id: the floor the
 * flaude client is compared with.
 */
final class RawOps implements VolumeOps {
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(60);
    private static final String CREATE_BODY = "{\"name\":\"flaude_session\",\"region\":\"iad\",\"size_gb\":1}";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String auth;

    RawOps(URI baseUri, String app, String token) {
        this.base = baseUri.toString().replaceAll("/+$", "") + "/v1/apps/" + app + "/volumes";
        this.auth = "Bearer " + token;
    }

    @Override
    public String create() {
        String body = send("POST", base, CREATE_BODY);
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    @Override
    public void get(String id) {
        send("GET", base + "/" + id, null);
    }

    @Override
    public void list() {
        send("GET", base, null);
    }

    @Override
    public void destroy(String id) {
        send("DELETE", base + "/" + id, null);
    }

    private String send(String method, String url, String body) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

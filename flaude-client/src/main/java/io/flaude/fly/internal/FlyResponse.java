package io.flaude.fly.internal;

import java.net.http.HttpHeaders;

/** A 2xx or error answer, with the method and URL that produced it. Not API. */
public record FlyResponse(int status, String body, HttpHeaders headers, String method, String url) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String requestId() {
        return header("fly-request-id");
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}

package io.flaude.fly.internal;

import io.flaude.fly.FlyException;
import io.flaude.fly.FlyInterruptedException;
import io.flaude.fly.FlyTransportException;
import io.flaude.fly.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link FlyRequest}s over the one shared JDK {@link HttpClient}: builds the URL under
 * {@code /v1}, adds the auth header, turns non-2xx answers and I/O failures into typed exceptions and
 * asks the {@link RetryPolicy} after every failure. Blocking and safe on virtual threads. Not API.
 */
public final class HttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final HttpClient http;
    private final BaseUrl base;
    private final BaseUrl logsBase;
    private final String authorization;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final ErrorDecoder errors;
    private final Pause pause;
    private final String userAgent;

    public HttpTransport(HttpClient http, BaseUrl base, BaseUrl logsBase, String token, Duration requestTimeout,
                         RetryPolicy retryPolicy, Pause pause, String userAgent) {
        this.http = http;
        this.base = base;
        this.logsBase = logsBase;
        this.authorization = AuthHeader.of(token);
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.errors = new ErrorDecoder(token.strip());
        this.pause = pause;
        this.userAgent = userAgent;
    }

    public Pause pause() {
        return pause;
    }

    /** Sends the request, retrying as the policy says; returns a 2xx answer or throws. */
    public FlyResponse send(FlyRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(request);
            } catch (FlyException failure) {
                Optional<Duration> delay = retryPolicy.retryDelay(attempt, failure, request.idempotent());
                if (delay.isEmpty()) {
                    throw failure;
                }
                LOG.debug("{} {} failed ({}); retry {} in {} ms", request.method(), request.path(),
                        failure.getMessage(), attempt, delay.get().toMillis());
                pause.sleep(delay.get(), "a retry of " + request.method() + " " + request.path());
            }
        }
    }

    private FlyResponse sendOnce(FlyRequest request) {
        BaseUrl target = request.logsApi() ? logsBase : base;
        String url = target.display() + pathAndQuery(request);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.forRequest(request.method()) + pathAndQuery(request)))
                .timeout(timeout(request))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        request.headers().forEach(b::header);
        if (request.body() != null) {
            b.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(Json.write(request.body())));
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw transportFailure(request, url, "no answer within " + timeout(request).toMillis() + " ms", e);
        } catch (IOException e) {
            throw transportFailure(request, url, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlyInterruptedException("interrupted while waiting for the answer to " + request.method()
                    + " " + url, e);
        }
        FlyResponse response = new FlyResponse(r.statusCode(), r.body(), r.headers(), request.method(), url);
        LOG.debug("{} {} -> {} in {} ms (fly-request-id {})", request.method(), url, r.statusCode(),
                (System.nanoTime() - started) / 1_000_000, response.requestId());
        if (!response.successful()) {
            throw errors.decode(response);
        }
        return response;
    }

    /** A long-poll may hold its answer for its own timeout, on top of the usual one. */
    private Duration timeout(FlyRequest request) {
        return requestTimeout.plus(request.longPoll());
    }

    private FlyTransportException transportFailure(FlyRequest request, String url, String detail, Exception cause) {
        return new FlyTransportException(request.method(), url, errors.redact(detail), cause);
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused or unreachable (" + e.getClass().getSimpleName() + ")";
        }
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private static String pathAndQuery(FlyRequest request) {
        StringBuilder url = new StringBuilder(request.path());
        char sep = '?';
        for (Map.Entry<String, String> q : request.query().entrySet()) {
            url.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            sep = '&';
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}

package io.flaude.fly.internal;

import io.flaude.fly.FlyApiException;
import io.flaude.fly.FlyException;
import io.flaude.fly.FlyInterruptedException;
import io.flaude.fly.FlyTransportException;
import io.flaude.fly.RateBudget;
import io.flaude.fly.Redactor;
import io.flaude.fly.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
    private final Clock clock;
    private final String userAgent;
    private final RateLimiter limiter;
    private final Duration retryBudget;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public HttpTransport(
            HttpClient http,
            BaseUrl base,
            BaseUrl logsBase,
            String token,
            Redactor redactor,
            Duration requestTimeout,
            RetryPolicy retryPolicy,
            RateBudget budget,
            Duration retryBudget,
            Clock clock,
            String userAgent) {
        this.http = http;
        this.base = base;
        this.logsBase = logsBase;
        this.authorization = AuthHeader.of(token);
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.errors = new ErrorDecoder(redactor);
        this.clock = clock;
        this.userAgent = userAgent;
        this.limiter = new RateLimiter(budget, clock::nanoTime, clock);
        this.retryBudget = retryBudget;
    }

    /** Requests sent (every try counts), retries made, and requests that waited for the rate budget. */
    public long[] counters() {
        return new long[] {requests.get(), retries.get(), limiter.waits()};
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Sends the request (after its turn in the rate budget), retrying as the policy says while the
     * retry budget lasts; returns a 2xx answer or throws the last failure.
     */
    public FlyResponse send(FlyRequest request) {
        long started = clock.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                limiter.acquire(request);
                requests.incrementAndGet();
                return sendOnce(request);
            } catch (FlyException failure) {
                if (request.longPoll().isPositive()
                        && failure instanceof FlyApiException api
                        && api.statusCode() == 408) {
                    throw failure; // a long-poll's 408 is its answer ("not yet"), for the caller to act on
                }
                Optional<Duration> delay = retryDelay(attempt, failure, request.idempotent(), started);
                if (delay.isEmpty()) {
                    throw failure;
                }
                retries.incrementAndGet();
                LOG.debug(
                        "{} {} failed ({}); retry {} in {} ms",
                        request.method(),
                        request.path(),
                        failure.getMessage(),
                        attempt,
                        delay.get().toMillis());
                clock.sleep(delay.get(), "a retry of " + request.method() + " " + request.path());
            }
        }
    }

    /** The policy's pause before the next try, unless it would end past the retry budget; never after an interrupt. */
    public Optional<Duration> retryDelay(int attempt, FlyException failure, boolean idempotent, long startedNanos) {
        if (failure instanceof FlyInterruptedException) {
            return Optional.empty();
        }
        Optional<Duration> delay = retryPolicy.retryDelay(attempt, failure, idempotent);
        long spent = clock.nanoTime() - startedNanos;
        return delay.filter(d -> spent + d.toNanos() <= retryBudget.toNanos());
    }

    /** The clock's sleep, for callers that retry on their own (a create after its reconcile). */
    public void sleepBeforeRetry(Duration delay, String what) {
        retries.incrementAndGet();
        clock.sleep(delay, what);
    }

    private FlyResponse sendOnce(FlyRequest request) {
        BaseUrl target = request.logsApi() ? logsBase : base;
        String url = target.display() + pathAndQuery(request);
        URI uri = URI.create(target.forRequest(request.method()) + pathAndQuery(request));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
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
            throw transportFailure(
                    request, url, "no answer within " + timeout(request).toMillis() + " ms", e);
        } catch (IOException e) {
            throw connectionFailure(request, url, uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlyInterruptedException(
                    "interrupted while waiting for the answer to " + request.method() + " " + url, e);
        }
        FlyResponse response = new FlyResponse(r.statusCode(), r.body(), r.headers(), request.method(), url);
        LOG.debug(
                "{} {} -> {} in {} ms (fly-request-id {})",
                request.method(),
                url,
                r.statusCode(),
                (System.nanoTime() - started) / 1_000_000,
                response.requestId());
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

    /**
     * No answer. A host that does not resolve, or a loopback port nothing listens on, fails the same way
     * on every try, and nothing was sent: said so at once, not retried. Anything else may pass on a retry.
     */
    private FlyTransportException connectionFailure(FlyRequest request, String url, URI uri, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new FlyTransportException(
                        request.method(), url, "cannot resolve host " + uri.getHost(), e, false);
            }
        }
        if (e instanceof ConnectException && loopback(uri.getHost())) {
            return new FlyTransportException(
                    request.method(),
                    url,
                    "connection refused: nothing listens on " + uri.getHost() + ":" + uri.getPort(),
                    e,
                    false);
        }
        if (e instanceof ConnectException) {
            return transportFailure(
                    request,
                    url,
                    "connection refused or unreachable (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return transportFailure(request, url, message == null || message.isBlank() ? kind : kind + ": " + message, e);
    }

    private static boolean loopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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

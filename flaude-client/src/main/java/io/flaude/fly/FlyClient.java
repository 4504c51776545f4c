package io.flaude.fly;

import io.flaude.fly.internal.BaseUrl;
import io.flaude.fly.internal.Clock;
import io.flaude.fly.internal.HttpTransport;
import io.flaude.fly.internal.PlainHttp;
import io.flaude.fly.internal.logs.DrainServer;
import io.flaude.fly.internal.logs.LogHubs;
import io.flaude.fly.internal.logs.LogTimings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The entry point: one immutable, thread-safe client over one pooled JDK {@link HttpClient}, meant to
 * be shared by every call and closed once.
 *
 * <p>Token: {@link Builder#token(String)}, else the environment variable {@code FLY_API_TOKEN}; none
 * is an error before any request. Base URL: {@link Builder#baseUri(URI)}, else
 * {@code FLY_API_HOSTNAME} (for example {@code http://_api.internal:4280}), else
 * {@code https://api.machines.dev}; every path is under {@code /v1}.
 *
 * <pre>{@code
 * try (FlyClient fly = FlyClient.create()) {
 *     Volume v = fly.volumes("my-app").create();
 *     fly.volumes("my-app").destroy(v.id());
 * }
 * }</pre>
 */
public final class FlyClient implements AutoCloseable {
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.machines.dev");
    /** Fly's logs API, which the public Machines API does not serve. */
    public static final URI DEFAULT_LOGS_BASE_URI = URI.create("https://api.fly.io");

    public static final String TOKEN_ENV = "FLY_API_TOKEN";
    public static final String HOSTNAME_ENV = "FLY_API_HOSTNAME";
    /** Where Fly's NATS log stream is read from ({@code off}: nowhere); see {@link Builder#natsLogs}. */
    public static final String NATS_URL_ENV = "FLAUDE_NATS_URL";
    /** The org slug for the NATS log stream; by default the followed app's org. */
    public static final String NATS_ORG_ENV = "FLAUDE_NATS_ORG";
    /** Fly's NATS log stream as seen from inside the organization's private network. */
    public static final String INSIDE_FLY_NATS_URL = "nats://[fdaa::3]:4223";

    static final String USER_AGENT = "flaude-java/0.1";

    private final HttpTransport http;
    private final URI baseUri;
    private final Apps apps;
    private final LogHubs logHubs;
    private final List<LogDrain> drains = new CopyOnWriteArrayList<>();

    private FlyClient(Builder b) {
        String token = b.token != null && !b.token.isBlank() ? b.token : b.env.apply(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            throw new FlyValidationException("No Fly API token: set " + TOKEN_ENV
                    + " or pass one with FlyClient.builder().token(...) (CLI: -t/--access-token)");
        }
        this.baseUri = b.baseUri != null ? b.baseUri : envBaseUri(b.env.apply(HOSTNAME_ENV));
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .version(
                        "https".equalsIgnoreCase(baseUri.getScheme())
                                ? HttpClient.Version.HTTP_2
                                : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI logsUri = b.logsBaseUri != null
                ? b.logsBaseUri
                : baseUri.equals(DEFAULT_BASE_URI) ? DEFAULT_LOGS_BASE_URI : baseUri;
        if (!b.allowPlainHttp) {
            PlainHttp.refuse(baseUri);
            PlainHttp.refuse(logsUri);
        }
        List<String> secrets = new ArrayList<>(b.otherSecrets);
        secrets.add(token);
        this.http = new HttpTransport(
                httpClient,
                new BaseUrl(baseUri, "/v1", b.resolver),
                new BaseUrl(logsUri, "/api/v1", b.resolver),
                token,
                Redactor.of(secrets),
                b.requestTimeout,
                b.retryPolicy,
                b.rateBudget,
                b.retryBudget,
                b.clock,
                USER_AGENT);
        this.apps = new Apps(http);
        String natsUrl = natsUrl(b);
        String natsOrg = b.natsOrg != null ? b.natsOrg : blankToNull(b.env.apply(NATS_ORG_ENV));
        this.logHubs = new LogHubs(
                app -> Logs.reader(http, app),
                b.clock,
                b.logTimings,
                natsUrl,
                natsOrg,
                app -> apps.find(app).map(App::orgSlug).orElse(null),
                token);
    }

    /** The NATS URL the builder or the environment names, the one inside Fly, or null for none. */
    private static String natsUrl(Builder b) {
        String url = b.natsUrl != null ? b.natsUrl : blankToNull(b.env.apply(NATS_URL_ENV));
        if (url == null && blankToNull(b.env.apply("FLY_PRIVATE_IP")) != null) {
            url = INSIDE_FLY_NATS_URL;
        }
        return url == null || url.strip().equalsIgnoreCase("off") ? null : url.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static URI envBaseUri(String hostname) {
        if (hostname == null || hostname.isBlank()) {
            return DEFAULT_BASE_URI;
        }
        return parseBaseUri(hostname.strip());
    }

    static URI parseBaseUri(String value) {
        String v = value.replaceAll("/+$", "");
        if (v.endsWith("/v1")) {
            v = v.substring(0, v.length() - 3);
        }
        if (!v.contains("://")) {
            // Guessing https for, say, 127.0.0.1:4280 sends TLS to a plain HTTP server and hangs: refuse instead.
            throw new FlyValidationException(
                    "the Fly API URL '" + value + "' has no scheme: write http://" + v + " or https://" + v);
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (java.net.URISyntaxException e) {
            throw new FlyValidationException("invalid Fly API URL '" + value + "': " + e.getReason());
        }
        if (uri.getScheme() == null
                || uri.getRawAuthority() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new FlyValidationException("invalid Fly API URL '" + value + "': use e.g. https://api.machines.dev");
        }
        return uri;
    }

    /** A client configured from the environment ({@code FLY_API_TOKEN}, {@code FLY_API_HOSTNAME}). */
    public static FlyClient create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The apps of the token's organizations. */
    public Apps apps() {
        return apps;
    }

    /** The volumes of {@code app}; the name is checked now, before any request. */
    public Volumes volumes(String app) {
        return new Volumes(http, app);
    }

    /** The machines of {@code app}; the name is checked now, before any request. */
    public Machines machines(String app) {
        return new Machines(http, app);
    }

    /** The secrets of {@code app}: set, unset, list (names and digests only). */
    public Secrets secrets(String app) {
        return new Secrets(http, app);
    }

    /** The logs of {@code app}'s machines, from Fly's logs API. */
    public Logs logs(String app) {
        return new Logs(http, app, logHubs);
    }

    /** Starts a {@link LogDrain} on loopback ({@code 127.0.0.1}), port {@code port} (0: any free one). */
    public LogDrain startLogDrain(int port, String bearerToken) {
        return startLogDrain(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), bearerToken);
    }

    /**
     * Starts a {@link LogDrain} on {@code bind} (loopback unless you choose otherwise: the shipper must
     * reach it, and nobody else should) that requires {@code Authorization: Bearer <bearerToken>}; the
     * lines it receives feed this client's {@link Logs#follow}. It closes with the client.
     *
     * @throws FlyValidationException when the token is shorter than 16 characters or not printable ASCII
     */
    public LogDrain startLogDrain(InetSocketAddress bind, String bearerToken) {
        Objects.requireNonNull(bind, "bind");
        if (bearerToken == null
                || bearerToken.length() < 16
                || !bearerToken.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new FlyValidationException("a log drain needs a bearer token of at least 16 printable ASCII"
                    + " characters without spaces (e.g. from openssl rand -hex 16)");
        }
        LogDrain drain = new LogDrain(new DrainServer(bind, bearerToken, logHubs::pushed));
        drains.add(drain);
        logHubs.drainStarted();
        return drain;
    }

    /** What this client has sent so far: requests, retries, and waits for the rate budget. */
    public ClientMetrics metrics() {
        long[] c = http.counters();
        return new ClientMetrics(c[0], c[1], c[2]);
    }

    /** The base URL requests go to (without {@code /v1}). */
    public URI baseUri() {
        return baseUri;
    }

    /** Releases the pooled connections. */
    @Override
    public void close() {
        drains.forEach(LogDrain::close);
        logHubs.close();
        http.close();
    }

    @Override
    public String toString() {
        return "FlyClient{baseUri=" + baseUri + ", token=<redacted>}";
    }

    /** Configures a {@link FlyClient}; unset values come from the environment, then the defaults. */
    public static final class Builder {
        private String token;
        private URI baseUri;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private RateBudget rateBudget = RateBudget.fly();
        private Duration retryBudget = Duration.ofSeconds(30);
        private Clock clock = Clock.system();
        private LogTimings logTimings = LogTimings.DEFAULTS;
        private Function<String, String> env = System::getenv;
        private BaseUrl.Resolver resolver = java.net.InetAddress::getByName;
        private URI logsBaseUri;
        private String natsUrl;
        private String natsOrg;
        private boolean allowPlainHttp;
        private final List<String> otherSecrets = new ArrayList<>();

        private Builder() {}

        /**
         * Other secrets this process holds (a Claude token, a GitHub token): cut, like the Fly token, out
         * of any error text a server or proxy echoes. Blank values are ignored.
         */
        public Builder redact(String... secrets) {
            for (String s : secrets) {
                if (s != null && !s.isBlank()) {
                    otherSecrets.add(s);
                }
            }
            return this;
        }

        /**
         * Lets the token travel over plain {@code http://} to a host that is neither loopback nor Fly's
         * private {@code _api.internal} (default: refused when the client is built). Only for a network you
         * trust, such as an emulator on another machine of yours.
         */
        public Builder allowPlainHttp(boolean allow) {
            this.allowPlainHttp = allow;
            return this;
        }

        /** The Fly API token; a macaroon ({@code fm2_...}) is sent as {@code FlyV1}, others as {@code Bearer}. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * The API's base URL, e.g. {@code http://_api.internal:4280} or an emulator's; a trailing {@code /v1} is
         * accepted.
         */
        public Builder baseUri(URI baseUri) {
            this.baseUri = baseUri == null ? null : parseBaseUri(baseUri.toString());
            return this;
        }

        public Builder baseUri(String baseUri) {
            this.baseUri = baseUri == null ? null : parseBaseUri(baseUri);
            return this;
        }

        /**
         * Where Fly's logs API ({@code /api/v1/apps/{app}/logs}) is served: by default
         * {@code https://api.fly.io} when the Machines API is the public one, else the same host as the
         * Machines API (the private API host, or an emulator).
         */
        public Builder logsBaseUri(URI logsBaseUri) {
            this.logsBaseUri = logsBaseUri == null ? null : parseBaseUri(logsBaseUri.toString());
            return this;
        }

        public Builder logsBaseUri(String logsBaseUri) {
            this.logsBaseUri = logsBaseUri == null ? null : parseBaseUri(logsBaseUri);
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long one request may wait for its answer (default 60 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * What to do after a failed call; default {@link RetryPolicy#standard()}: what is safe to repeat
         * is repeated (creates reconcile first). {@link RetryPolicy#none()} turns retries off.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = java.util.Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** How long one call may keep retrying, from its first try (default 30 s). */
        public Builder retryBudget(Duration retryBudget) {
            this.retryBudget = java.util.Objects.requireNonNull(retryBudget, "retryBudget");
            return this;
        }

        /**
         * How fast requests go per action and machine or app; default {@link RateBudget#fly()}, Fly's
         * documented limits, so a busy client waits its turn instead of drawing 429s.
         * {@link RateBudget#unlimited()} turns it off.
         */
        public Builder rateBudget(RateBudget rateBudget) {
            this.rateBudget = java.util.Objects.requireNonNull(rateBudget, "rateBudget");
            return this;
        }

        /**
         * Reads live log lines from Fly's NATS log stream at {@code url}; {@code org} is the org's slug (the
         * user name Fly expects; the password is this client's token, as flyctl sends it), or null to take
         * it from the first app followed (one GET of the app). Polling the logs API goes on until NATS
         * delivers, and resumes whenever it does not. {@code "off"} turns NATS off.
         *
         * <p>Default: {@code $FLAUDE_NATS_URL} and {@code $FLAUDE_NATS_ORG}; else, inside Fly's private
         * network ({@code $FLY_PRIVATE_IP} is set, as on every Fly machine), {@value #INSIDE_FLY_NATS_URL}
         * with the org of the app; else polling only.
         */
        public Builder natsLogs(String url, String org) {
            this.natsUrl = Objects.requireNonNull(url, "url");
            if (org != null && org.isBlank()) {
                throw new FlyValidationException("the NATS user name is the organization's slug: give one, or null"
                        + " to take it from the app");
            }
            this.natsOrg = org;
            return this;
        }

        /**
         * Where the environment is read from (default {@code System::getenv}): the one place the client's
         * defaults come from ({@code FLY_API_TOKEN}, {@code FLY_API_HOSTNAME}, {@code FLAUDE_NATS_URL},
         * {@code FLAUDE_NATS_ORG}, {@code FLY_PRIVATE_IP}). A value set on the builder wins over it; a
         * blank value counts as unset. A tool with its own environment (a CLI, a test) passes it here, so
         * nothing else is read.
         */
        public Builder environment(Function<String, String> environment) {
            this.env = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The organization slug for the NATS log stream, without naming its URL (see {@link #natsLogs}). */
        public Builder natsOrg(String org) {
            if (org != null && org.isBlank()) {
                throw new FlyValidationException("the NATS user name is the organization's slug: give one, or null"
                        + " to take it from the app");
            }
            this.natsOrg = org;
            return this;
        }

        /**
         * How long a follow waits for a machine's last line once the machine has stopped, since Fly's logs
         * trail its output ({@link LogFollow#finish(java.util.function.Predicate)}; runs and turns read their
         * exit marker this way); default 3 s. Longer where the logs API lags more, shorter against an
         * emulator.
         */
        public Builder logGrace(Duration grace) {
            if (Objects.requireNonNull(grace, "grace").isNegative()) {
                throw new FlyValidationException("the log grace is never negative, got " + grace);
            }
            this.logTimings = logTimings.withGrace(grace);
            return this;
        }

        /** The clock of every wait, retry and log read (tests drive their own). */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The log reader's intervals (tests). */
        Builder logTimings(LogTimings timings) {
            this.logTimings = Objects.requireNonNull(timings, "timings");
            return this;
        }

        /** How host names that the JDK cannot address (e.g. {@code _api.internal}) are resolved (tests). */
        Builder resolver(BaseUrl.Resolver resolver) {
            this.resolver = resolver;
            return this;
        }

        /**
         * Builds the client; fails with {@link FlyValidationException} when no token can be found, when the
         * token has a character a header cannot carry, or when it would go over plain HTTP to a host that is
         * not loopback or {@code _api.internal} (see {@link #allowPlainHttp(boolean)}).
         */
        public FlyClient build() {
            return new FlyClient(this);
        }
    }
}

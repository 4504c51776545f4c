package io.flaude.fly.internal.logs;

import io.flaude.fly.internal.AuthHeader;
import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fly's live log stream over NATS: subscribes to {@code logs.<app>.>} for each app being followed and
 * hands every event to the hubs. User: the org slug; password: the Fly token without its scheme (as
 * flyctl does). It connects on a virtual thread and keeps trying every {@link #RETRY}; until it is
 * connected (and whenever it is not) the hubs poll the logs API, so a NATS server out of reach costs
 * nothing but a warning. Once connected, the NATS client reconnects and resubscribes by itself.
 */
public final class NatsLogSource implements AutoCloseable {
    static final Duration RETRY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(NatsLogSource.class);

    private final String url;
    private final String givenOrg;
    private final Function<String, String> orgOfApp;
    private final String password;
    private final BiConsumer<String, byte[]> onMessage;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<String> apps = new HashSet<>();
    private Connection connection;
    private Dispatcher dispatcher;
    private Thread connecting;
    private boolean closed;

    /**
     * @param onMessage gets each message's subject and body
     */
    public NatsLogSource(
            String url,
            String org,
            Function<String, String> orgOfApp,
            String token,
            BiConsumer<String, byte[]> onMessage) {
        this.url = url;
        this.givenOrg = org;
        this.orgOfApp = orgOfApp;
        this.password = AuthHeader.withoutScheme(token);
        this.onMessage = onMessage;
    }

    public boolean connected() {
        lock.lock();
        try {
            return connection != null && connection.getStatus() == Connection.Status.CONNECTED;
        } finally {
            lock.unlock();
        }
    }

    /** Starts receiving {@code app}'s lines (connecting first if need be). */
    public void subscribe(String app) {
        lock.lock();
        try {
            if (closed || !apps.add(app)) {
                return;
            }
            if (dispatcher != null) {
                dispatcher.subscribe(subject(app));
            } else if (connecting == null) {
                connecting = Thread.ofVirtual().name("flaude-nats").start(() -> connect(app));
            }
        } finally {
            lock.unlock();
        }
    }

    public void unsubscribe(String app) {
        lock.lock();
        try {
            if (apps.remove(app) && dispatcher != null) {
                dispatcher.unsubscribe(subject(app));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Text without the password of any URL in it (the NATS client names URLs in its messages). */
    static String withoutPassword(String text) {
        return text.replaceAll("//([^:/@\\s]*):[^@/\\s]*@", "//$1:<redacted>@");
    }

    private static String subject(String app) {
        return "logs." + app + ".>";
    }

    /** The org slug to log in with: the given one, else the org of {@code app} (null when it cannot be read). */
    private String org(String app) {
        if (givenOrg != null) {
            return givenOrg;
        }
        try {
            String org = orgOfApp.apply(app);
            if (org == null) {
                LOG.warn(
                        "Live logs over NATS need the org of app {}, which was not found; polling Fly's logs API"
                                + " instead",
                        app);
            }
            return org;
        } catch (RuntimeException e) {
            LOG.warn(
                    "Live logs over NATS need the org of app {}, which could not be read ({}); polling Fly's logs"
                            + " API instead",
                    app,
                    e.getMessage());
            return null;
        }
    }

    private void connect(String firstApp) {
        String org = org(firstApp);
        if (org == null) {
            lock.lock();
            try {
                connecting = null;
                apps.clear(); // the next follow tries again
            } finally {
                lock.unlock();
            }
            return;
        }
        Options options = Options.builder()
                .server(url)
                .userInfo(org, password)
                .connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .errorListener(new QuietErrors())
                .build();
        boolean warned = false;
        while (true) {
            try {
                Connection c = Nats.connect(options);
                lock.lock();
                try {
                    if (closed) {
                        c.close();
                        return;
                    }
                    connection = c;
                    dispatcher = c.createDispatcher(m -> onMessage.accept(m.getSubject(), m.getData()));
                    apps.forEach(app -> dispatcher.subscribe(subject(app)));
                    connecting = null;
                } finally {
                    lock.unlock();
                }
                LOG.info("Live logs over NATS from {}", withoutPassword(url));
                return;
            } catch (IOException | RuntimeException e) {
                if (!warned) {
                    LOG.warn(
                            "Live logs over NATS are unavailable ({}: {}); polling Fly's logs API instead",
                            withoutPassword(url),
                            withoutPassword(String.valueOf(e.getMessage())));
                    warned = true;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(RETRY);
            } catch (InterruptedException e) {
                return;
            }
            lock.lock();
            try {
                if (closed) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** The NATS client's errors at debug level through SLF4J (its default prints each one as SEVERE). */
    private static final class QuietErrors implements ErrorListener {
        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.debug("NATS: {}", withoutPassword(error));
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            LOG.debug("NATS: {}", withoutPassword(String.valueOf(exp)));
        }

        @Override
        public void slowConsumerDetected(Connection conn, Consumer consumer) {
            // NATS drops messages for a consumer that falls behind; the final read of each follow backfills them.
            LOG.warn("Live log lines arrive faster than they are handled; some come late, from the logs API");
        }
    }

    @Override
    public void close() {
        Connection c;
        Thread t;
        lock.lock();
        try {
            closed = true;
            c = connection;
            t = connecting;
        } finally {
            lock.unlock();
        }
        if (t != null) {
            t.interrupt();
        }
        if (c != null) {
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

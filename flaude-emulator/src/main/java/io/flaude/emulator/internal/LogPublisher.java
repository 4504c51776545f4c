package io.flaude.emulator.internal;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Publishes every line a machine prints to a NATS server, as Fly's log stream does: subject
 * {@code logs.<app>.<region>.<machine_id>}, body a {@link StreamEvent}. No history, as on Fly: a subscriber sees what
 * is published after
 * it subscribed. Credentials go in the URL ({@code nats://org:token@host:4223}).
 */
final class LogPublisher implements LogSink {
    private final Connection nats;

    private LogPublisher(Connection nats) {
        this.nats = nats;
    }

    /** Connects now, so a wrong URL or password fails the emulator's start instead of every line. */
    static LogPublisher connect(String url) {
        Options options = Options.builder()
                .server(url)
                .connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .errorListener(new ErrorListener() {}) // quiet: the client reconnects by itself
                .build();
        try {
            return new LogPublisher(Nats.connect(options));
        } catch (IOException e) {
            // The NATS client names the URL, password included, in its message.
            throw new IllegalArgumentException("cannot connect to the NATS server at " + redacted(url) + ": "
                    + redacted(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS", e);
        }
    }

    @Override
    public void accept(String app, LogRecord line) {
        nats.publish(
                StreamEvent.subject(app, line),
                Json.write(StreamEvent.of(app, line)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The URL without its password, for messages. */
    static String redacted(String url) {
        return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:<redacted>@");
    }
}

package io.flaude.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code nats-server} process on loopback, for tests and benchmarks of Fly's live log stream:
 * user and password as Fly's stream wants them (org slug, token), a free port, stopped by
 * {@link #close()}. The binary is {@code $NATS_SERVER}, else {@code nats-server} on the {@code PATH} or in
 * {@code /usr/sbin} or {@code /usr/bin} (Debian's {@code nats-server} package).
 */
public final class NatsServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final String user;
    private final String password;

    private NatsServer(Process process, int port, String user, String password) {
        this.process = process;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The binary, if this machine has one. */
    public static Optional<Path> binary() {
        String env = System.getenv("NATS_SERVER");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(d -> !d.isBlank())
                .map(Path::of);
        return Stream.concat(onPath, Stream.of(Path.of("/usr/sbin"), Path.of("/usr/bin")))
                .map(d -> d.resolve("nats-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts a server that accepts {@code user}/{@code password} only, and waits until it listens.
     *
     * @throws IllegalStateException when no {@code nats-server} binary is installed, or it does not start
     */
    public static NatsServer start(String user, String password) {
        return start(user, password, freePort());
    }

    /**
     * Stops this server and starts another on the same port with the same credentials, as a NATS
     * server restart looks to its clients (they reconnect on their own).
     */
    public NatsServer restart() {
        close();
        return start(user, password, port);
    }

    private static NatsServer start(String user, String password, int port) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Path bin = binary().orElseThrow(() -> new IllegalStateException(
                "no nats-server binary: install it (Debian: apt-get install nats-server) or set NATS_SERVER"));
        Process p;
        try {
            p = new ProcessBuilder(List.of(
                            bin.toString(),
                            "-a",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(port),
                            "--user",
                            user,
                            "--pass",
                            password))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + bin, e);
        }
        NatsServer server = new NatsServer(p, port, user, password);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(bin + " exited with " + p.exitValue() + " on port " + port);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    server.close();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting nats-server", e);
                }
            }
        }
        server.close();
        throw new IllegalStateException(bin + " did not listen on port " + port + " within 10 s");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** {@code nats://127.0.0.1:<port>}, without credentials. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** The URL with the credentials in it, as {@link FlyEmulator.Builder#natsUrl} takes it. */
    public String urlWithCredentials() {
        return "nats://" + user + ":" + password + "@127.0.0.1:" + port;
    }

    /** Stops the process (and waits up to 5 s for it to go). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "NatsServer{" + url() + "}";
    }
}

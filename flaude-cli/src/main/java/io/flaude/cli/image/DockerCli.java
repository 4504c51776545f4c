package io.flaude.cli.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the docker CLI (or any CLI compatible with it) and copies its output to picocli's writers. */
final class DockerCli {
    static final Duration INFO_TIMEOUT = Duration.ofSeconds(10);

    private final String binary;
    private final Map<String, String> env;

    DockerCli(String binary, Map<String, String> env) {
        this.binary = binary;
        this.env = env;
    }

    /**
     * Asks the engine for its version ({@code docker info}). Empty when an engine answered, else the
     * first line of what went wrong: the missing binary, docker's own error, or the timeout.
     */
    Optional<String> engineProblem() {
        Path errors = null;
        try {
            errors = Files.createTempFile("flaude-docker-info", ".err");
            Process p = process(List.of("info", "--format", "{{.ServerVersion}}"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            if (!p.waitFor(INFO_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("no answer within " + INFO_TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() == 0) {
                return Optional.empty();
            }
            return Optional.of(firstLine(Files.readString(errors)).orElse("exit code " + p.exitValue()));
        } catch (IOException e) {
            return Optional.of(firstLine(String.valueOf(e.getMessage())).orElse(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            deleteQuietly(errors);
        }
    }

    /**
     * Runs {@code docker <args>}, copying its stdout to {@code out} and stderr to {@code err}; returns its exit code.
     */
    int run(List<String> args, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Process p = process(args).start();
        p.getOutputStream().close();
        Thread errCopy = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        copy(p.getInputStream(), out);
        int code = p.waitFor();
        errCopy.join();
        return code;
    }

    /** The command line for {@code args}, as it will be run. */
    List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(args.size() + 1);
        cmd.add(binary);
        cmd.addAll(args);
        return cmd;
    }

    private ProcessBuilder process(List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.environment().putAll(env);
        return pb;
    }

    private static void copy(InputStream in, PrintWriter to) {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                to.println(line);
                to.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}

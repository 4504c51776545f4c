package io.flaude.cli.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the real {@code image/entrypoint.sh} with bash in a temporary root: stubs first on PATH
 * ({@link EntrypointStubs}), a clean environment, {@code FLAUDE_TEST_UID=1000} (not root) unless a
 * test sets it, the token {@link #TOKEN} and a prompt. Set env with {@link #env}, run with {@link #run}.
 */
final class EntrypointHarness {
    static final Path SCRIPT = TestFiles.REPO_ROOT.resolve("image/entrypoint.sh");
    static final String TOKEN = "sk-ant-oat01-SECRET-claude-token";
    static final String GITHUB_TOKEN = "ghp_SECRETgithubTOKEN0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Path root;
    final Path workspace;
    final Path rec;
    private final Path bin;
    private final Map<String, String> env = new LinkedHashMap<>();

    EntrypointHarness(Path root) {
        this.root = root;
        this.bin = root.resolve("bin");
        this.rec = root.resolve("rec");
        this.workspace = root.resolve("workspace");
        EntrypointStubs.install(bin);
        mkdirs(rec, root.resolve("tmp"), root.resolve("home"));
        env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", root.resolve("home").toString());
        env.put("TMPDIR", root.resolve("tmp").toString());
        env.put("LANG", "C.UTF-8");
        env.put("STUB_REC", rec.toString());
        env.put("FLAUDE_TEST_UID", "1000");
        env.put("FLAUDE_WORKSPACE", workspace.toString());
        env.put("CLAUDE_CODE_OAUTH_TOKEN", TOKEN);
        env.put("FLAUDE_PROMPT", "fix the failing test");
    }

    /** Sets (or, with {@code null}, removes) an env var for the following runs. */
    EntrypointHarness env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** Session mode on a volume mounted at {@code root/<mountDir>}, created here like a fresh volume. */
    Path session(String sessionId, String mountDir) {
        Path mount = root.resolve(mountDir);
        mkdirs(mount);
        env("FLAUDE_SESSION_ID", sessionId);
        env("FLAUDE_MOUNT_PATH", mount.toString());
        return mount;
    }

    Run run() {
        try {
            Path out = Files.createTempFile(root, "stdout", ".txt");
            Path err = Files.createTempFile(root, "stderr", ".txt");
            Process p = processBuilder()
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("entrypoint did not finish in 20 s");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts the entrypoint without waiting, output to files under {@code root}. */
    Process start() throws IOException {
        return processBuilder()
                .redirectOutput(root.resolve("started.out").toFile())
                .redirectError(root.resolve("started.err").toFile())
                .start();
    }

    private ProcessBuilder processBuilder() {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).directory(root.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb;
    }

    /** The recorded calls of a stubbed tool, in call order. */
    List<Call> calls(String tool) {
        Path dir = rec.resolve(tool);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".argv"))
                    .map(f -> Integer.parseInt(f.getFileName().toString().replace(".argv", "")))
                    .sorted(Comparator.naturalOrder())
                    .map(n -> Call.read(dir, n))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only call of {@code claude}; fails when there was none or several. */
    Call claude() {
        List<Call> calls = calls("claude");
        if (calls.size() != 1) {
            throw new AssertionError("expected one claude call, got " + calls.size());
        }
        return calls.getFirst();
    }

    /** Every recorded argv of every stub, as one string, for "the secret is nowhere" checks. */
    String allRecordedArgv() {
        StringBuilder sb = new StringBuilder();
        for (String tool : List.of("git", "claude", "runuser", "chown")) {
            calls(tool).forEach(c -> sb.append(String.join(" ", c.argv())).append('\n'));
        }
        return sb.toString();
    }

    private static void mkdirs(Path... dirs) {
        try {
            for (Path d : dirs) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One stub invocation: argv, working directory and the recorded env vars. */
    record Call(List<String> argv, Path cwd, Map<String, String> env) {
        static Call read(Path dir, int n) {
            String raw = TestFiles.read(dir.resolve(n + ".argv"));
            List<String> argv = raw.isEmpty()
                    ? List.of()
                    : Arrays.asList(raw.substring(0, raw.length() - 1).split("\0", -1));
            Path cwd = Path.of(TestFiles.read(dir.resolve(n + ".cwd")).strip());
            Map<String, String> env = new LinkedHashMap<>();
            TestFiles.read(dir.resolve(n + ".env")).lines().forEach(l -> {
                int eq = l.indexOf('=');
                env.put(l.substring(0, eq), l.substring(eq + 1));
            });
            return new Call(argv, cwd, env);
        }

        /** The argument after {@code flag}, or {@code null}. */
        String after(String flag) {
            int i = argv.indexOf(flag);
            return i < 0 || i + 1 >= argv.size() ? null : argv.get(i + 1);
        }
    }

    /** One finished run: exit code, stdout and stderr. */
    record Run(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }

        String lastLine() {
            List<String> lines = lines();
            return lines.isEmpty() ? "" : lines.getLast();
        }

        /** The parsed {@code [flaude:manifest:{...}]} line; fails when there is none. */
        JsonNode manifest() {
            String prefix = "[flaude:manifest:";
            List<String> found = new ArrayList<>();
            for (String line : lines()) {
                if (line.startsWith(prefix) && line.endsWith("]")) {
                    found.add(line.substring(prefix.length(), line.length() - 1));
                }
            }
            if (found.size() != 1) {
                throw new AssertionError("expected one manifest line in:\n" + stdout);
            }
            return JSON.readTree(found.getFirst());
        }

        String output() {
            return stdout + stderr;
        }
    }
}

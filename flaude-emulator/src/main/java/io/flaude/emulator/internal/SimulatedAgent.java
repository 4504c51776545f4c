package io.flaude.emulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workload of every emulated machine: a stand-in for the flaude image that keeps its contract
 * (docs/image.md) without running Claude. It reads the same env, lays out the same directories on the
 * volume, "clones" repos (a directory with the clone-complete marker), keeps a real Claude Code style
 * transcript per session, prints the same {@code [flaude...]} lines and exits with the code it
 * announces in {@code [flaude:exit:N]}. The answer says what it saw, so tests can tell turns apart.
 * A stop (thread interrupt) is a SIGTERM: the run prints {@code [flaude:exit:143]} and exits 143.
 */
final class SimulatedAgent {
    private static final String CLONE_MARKER = ".git/flaude-clone-complete";

    /**
     * How the run ended.
     *
     * @param code the exit code
     * @param failed whether the machine should end {@code failed} ({@code FLAUDE_EMULATOR_FAIL=1})
     * @param crashed whether it died without its exit marker ({@code FLAUDE_EMULATOR_CRASH=1})
     */
    record Exit(int code, boolean failed, boolean crashed) {}

    private final Map<String, String> env;
    private final GuestFs fs;
    private final Consumer<String> out;
    private Redactor redactor = new Redactor(List.of());
    /** Set once "claude" started, as the entrypoint's {@code CLAUDE_RAN}. */
    private boolean claudeRan;

    SimulatedAgent(Map<String, String> env, GuestFs fs, Consumer<String> out) {
        this.env = env;
        this.fs = fs;
        this.out = out;
    }

    Exit run() {
        boolean fail = "1".equals(env.get("FLAUDE_EMULATOR_FAIL"));
        try {
            AgentConfig config = AgentConfig.read(env, fs);
            redactor = new Redactor(List.of(config.token(), config.githubToken()));
            return turn(config);
        } catch (AgentConfig.Invalid e) {
            print("[flaude:error] " + e.getMessage());
            return exit(2, fail);
        } catch (InterruptedException e) {
            return exit(143, false);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return exit(143, false);
            }
            print("[flaude:error] unexpected failure: " + e);
            return exit(1, fail);
        }
    }

    private Exit turn(AgentConfig c) throws AgentConfig.Invalid, IOException, InterruptedException {
        boolean session = c.sessionId() != null;
        String mount = GuestFs.normalize(c.mountPath());
        String configDir = c.claudeConfigDir();
        String root;
        if (session) {
            if (!Files.isDirectory(fs.resolve(mount))) {
                throw new AgentConfig.Invalid("session mode needs the volume mounted at " + mount
                        + " (FLAUDE_MOUNT_PATH), but it does not exist");
            }
            configDir = configDir != null ? configDir : mount + "/claude";
            mkdirs(configDir);
            root = mount + "/workspace";
            mkdirs(root);
            log("session " + c.sessionId() + " on volume " + mount + " (CLAUDE_CONFIG_DIR=" + configDir + ")");
        } else {
            root = c.workspace();
            mkdirs(root);
            if (configDir != null) {
                mkdirs(configDir);
            }
        }
        ArrayNode repos = Json.array();
        for (AgentConfig.Repo repo : c.repos()) {
            repos.add(cloneRepo(repo, root + "/" + repo.dir()));
        }
        String workdir = workdir(c, session, mount, root);
        String turn =
                !session ? null : Transcript.existsAnywhere(fs.resolve(configDir), c.sessionId()) ? "resume" : "first";
        print("[flaude:manifest:" + Json.write(manifest(c, session, turn, workdir, repos)) + "]");
        log("running claude (" + (turn == null ? "oneshot" : turn) + " turn, output " + c.outputFormat() + ") in "
                + workdir);
        claudeRan = true;
        Transcript.History history = new Transcript.History(0, null);
        Path transcript = session ? fs.resolve(Transcript.path(configDir, workdir, c.sessionId())) : null;
        if ("resume".equals(turn)) {
            if (!Files.isRegularFile(transcript)) {
                // Claude files a session under its working directory: a transcript elsewhere does not resume.
                print("No conversation found with session ID: " + c.sessionId());
                return exit(1, c.fail());
            }
            history = Transcript.read(transcript);
        }
        work(c);
        if (c.crash()) {
            return new Exit(137, c.fail(), true);
        }
        String sessionId = session ? c.sessionId() : UUID.randomUUID().toString();
        String answer = answer(c, session, history);
        if (transcript != null) {
            Transcript.append(transcript, sessionId, workdir, c.prompt(), answer);
        }
        AgentAnswers.print(c.outputFormat(), answer, sessionId, workdir, c.exitCode() != 0, this::print);
        return exit(c.exitCode(), c.fail());
    }

    private ObjectNode cloneRepo(AgentConfig.Repo repo, String target) throws IOException {
        String status = "cloned";
        if (Files.isRegularFile(fs.resolve(target + "/" + CLONE_MARKER))) {
            log("repo " + repo.url() + " already cloned in " + target + "; skipping clone");
            status = "present";
        } else {
            if (Files.exists(fs.resolve(target))) {
                log("repo dir " + target + " has no completed clone; cloning it again");
                VolumeFiles.deleteTree(fs.resolve(target));
            }
            log("cloning " + repo.url() + (repo.branch() == null ? "" : " (branch " + repo.branch() + ")") + " into "
                    + target);
            mkdirs(target + "/.git");
            Files.writeString(fs.resolve(target + "/" + CLONE_MARKER), "");
        }
        ObjectNode entry = Json.object().put("url", redactor.redact(repo.url()));
        if (repo.branch() == null) {
            entry.putNull("branch");
        } else {
            entry.put("branch", repo.branch());
        }
        return entry.put("dir", target).put("status", status);
    }

    /** The single repo, else the root; in session mode the first choice is kept in {@code <mount>/.flaude_cwd}. */
    private String workdir(AgentConfig c, boolean session, String mount, String root) throws IOException {
        Path saved = fs.resolve(mount + "/.flaude_cwd");
        if (session && Files.isRegularFile(saved)) {
            String dir = Files.readString(saved, StandardCharsets.UTF_8).strip();
            if (dir.startsWith("/") && Files.isDirectory(fs.resolve(dir))) {
                return dir;
            }
            log("saved working dir " + dir + " is gone; choosing again");
        }
        String workdir =
                c.repos().size() == 1 ? root + "/" + c.repos().getFirst().dir() : root;
        if (session) {
            Files.writeString(saved, workdir + "\n", StandardCharsets.UTF_8);
        }
        return workdir;
    }

    private static ObjectNode manifest(AgentConfig c, boolean session, String turn, String workdir, ArrayNode repos) {
        ObjectNode manifest = Json.object().put("mode", session ? "session" : "oneshot");
        if (session) {
            manifest.put("session_id", c.sessionId()).put("turn", turn);
        } else {
            manifest.putNull("session_id").putNull("turn");
        }
        manifest.put("workdir", workdir).set("repos", repos);
        return manifest.put("output_format", c.outputFormat());
    }

    private static String answer(AgentConfig c, boolean session, Transcript.History history) {
        String said = " You said: \"" + c.prompt() + "\"";
        if (!session) {
            return "One-shot run, no session." + said;
        }
        int turn = history.userTurns() + 1;
        if (history.userTurns() == 0) {
            return "Turn 1 of session " + c.sessionId() + ". This is a new session; I remember no earlier turn." + said;
        }
        return "Turn " + turn + " of session " + c.sessionId() + ". I remember " + history.userTurns() + " earlier turn"
                + (history.userTurns() == 1 ? "" : "s") + "; the last prompt was: \"" + history.lastPrompt() + "\"."
                + said;
    }

    private void mkdirs(String guestPath) throws IOException {
        Files.createDirectories(fs.resolve(guestPath));
    }

    private void log(String text) {
        print("[flaude] " + text);
    }

    /** Claude at work for {@code sleepMillis}, printing {@code ticks} lines spread evenly over it (log tests). */
    private void work(AgentConfig c) throws InterruptedException {
        long total = Math.max(0, c.sleepMillis());
        if (c.ticks() <= 0) {
            Thread.sleep(total);
            return;
        }
        long start = System.nanoTime();
        for (int i = 1; i <= c.ticks(); i++) {
            long due = start + total * 1_000_000L * i / (c.ticks() + 1);
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000L));
            print("[flaude] tick " + i + " of " + c.ticks());
        }
        Thread.sleep(Math.max(0, total - (System.nanoTime() - start) / 1_000_000L));
    }

    private void print(String text) {
        for (String line : text.split("\n", -1)) {
            out.accept(redactor.redact(line));
        }
    }

    /** Like the entrypoint: once Claude ran, a line break first, so the marker starts its own line. */
    private Exit exit(int code, boolean failed) {
        if (claudeRan) {
            print("");
        }
        print("[flaude:exit:" + code + "]");
        return new Exit(code, failed, false);
    }
}

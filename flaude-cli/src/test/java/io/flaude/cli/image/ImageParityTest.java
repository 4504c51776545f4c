package io.flaude.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Await;
import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.FlyEmulatorTest;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineConfig;
import io.flaude.fly.MachineState;
import io.flaude.fly.RateBudget;
import io.flaude.fly.VolumeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One image contract, two implementations: the real {@code image/entrypoint.sh} (with the stub git and
 * claude of {@link EntrypointStubs}) and the emulator's simulated agent are given the same inputs, and
 * must print the same lines (Claude's own output aside) and leave the same files on the volume.
 * Paths differ only by where the volume is mounted, so both are written relative to it.
 */
@FlyEmulatorTest
class ImageParityTest {
    private static final String APP = "parity-app";
    private static final String SESSION = "3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b";
    private static final String GUEST_MOUNT = "/data";
    private static final String GUEST_WORKSPACE = "/ws";
    /** A repo URL with credentials in it: both sides must print and record it without them. */
    private static final String REPO = "https://bob:hunter2@github.com/acme/widgets.git";

    @TempDir
    Path tmp;

    FlyEmulator emulator;
    FlyClient fly;
    EntrypointHarness image;

    @BeforeEach
    void setUp() {
        fly = FlyClient.builder()
                .baseUri(emulator.baseUri())
                .token(emulator.token())
                .rateBudget(RateBudget.unlimited())
                .build();
        fly.apps().create(APP, Apps.DEFAULT_ORG);
        image = new EntrypointHarness(tmp.resolve("image"));
    }

    @AfterEach
    void tearDown() {
        fly.close();
    }

    /**
     * The simulated agent's env for what the harness was given: the harness's token, the common env, and
     * {@code extra} name-value pairs (a null value removes the name).
     */
    private static Map<String, String> emulatorEnv(Map<String, String> common, String... extra) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("CLAUDE_CODE_OAUTH_TOKEN", EntrypointHarness.TOKEN);
        env.put("FLAUDE_WORKSPACE", GUEST_WORKSPACE);
        env.put("FLAUDE_EMULATOR_SLEEP_MS", "0");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                env.remove(extra[i]);
            } else {
                env.put(extra[i], extra[i + 1]);
            }
        }
        return env;
    }

    private void imageEnv(Map<String, String> common) {
        common.forEach(image::env);
    }

    /** One machine on the emulator, run once per entry of {@code turns}; the lines each run printed. */
    private List<List<String>> emulatorRuns(Map<String, String> env, String volumeId, int turns) {
        MachineConfig.Builder b = MachineConfig.builder("ghcr.io/flaude-java/flaude-agent:0.1.0")
                .env(env)
                .restartPolicy("no");
        if (volumeId != null) {
            b.mount(volumeId, GUEST_MOUNT);
        }
        Machine m = fly.machines(APP).create(b.build(), "iad");
        List<List<String>> runs = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            if (i > 0) {
                fly.machines(APP).start(m.id());
            }
            runs.add(awaitRun(m.id(), i + 1));
        }
        return runs;
    }

    /** Waits for the {@code n}-th exit marker of the machine and returns the lines of that run. */
    private List<String> awaitRun(String machineId, int n) {
        Await.until(
                "the end of run " + n + " of machine " + machineId,
                Duration.ofSeconds(20),
                () -> exits(emulator.logLines(APP, machineId)).size() >= n
                        && fly.machines(APP).get(machineId).state() == MachineState.STOPPED);
        List<String> lines = emulator.logLines(APP, machineId);
        List<Integer> exits = exits(lines);
        int from = n == 1 ? 0 : exits.get(n - 2) + 1;
        return lines.subList(from, exits.get(n - 1) + 1);
    }

    /** Where the exit markers stand among the lines. */
    private static List<Integer> exits(List<String> lines) {
        List<Integer> exits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("[flaude:exit:")) {
                exits.add(i);
            }
        }
        return exits;
    }

    /**
     * The contract lines of one run: every line, with the mount and workspace written as {@code <mount>}
     * and {@code <workspace>}, and each stretch of Claude's own output (lines after the "running claude"
     * line that are not flaude's) as one {@code <claude output>}.
     */
    private static List<String> contract(List<String> lines, String mount, String workspace) {
        List<String> out = new ArrayList<>();
        boolean claudeRuns = false;
        for (String raw : lines) {
            String line = raw.replace(mount, "<mount>").replace(workspace, "<workspace>");
            boolean ours = line.startsWith("[flaude");
            if (claudeRuns && !ours && !line.isEmpty()) {
                if (!out.isEmpty() && out.getLast().equals("<claude output>")) {
                    continue;
                }
                line = "<claude output>";
            }
            if (line.startsWith("[flaude] running claude")) {
                claudeRuns = true;
            }
            out.add(line);
        }
        return out;
    }

    /**
     * The files and directories under a volume, relative to it, with the transcript directory's slug of
     * the mount path written as {@code <mount-slug>}; inside a clone only the clone-complete marker counts
     * (the git stub leaves its own files there).
     */
    private static TreeSet<String> tree(Path volume, String mount) {
        String slug = mount.replaceAll("[^A-Za-z0-9]", "-");
        TreeSet<String> paths = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(volume)) {
            walk.filter(p -> !p.equals(volume)).forEach(p -> {
                String rel = volume.relativize(p).toString().replace(slug, "<mount-slug>");
                boolean inClone = rel.startsWith("workspace/widgets/") && !rel.startsWith("workspace/widgets/.git");
                boolean gitInternals = rel.startsWith("workspace/widgets/.git/")
                        && !rel.equals("workspace/widgets/.git/flaude-clone-complete");
                if (!inClone && !gitInternals) {
                    paths.add(rel + (Files.isDirectory(p) ? "/" : ""));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    private String emulatorVolume() {
        return fly.volumes(APP)
                .create(VolumeSpec.builder().name("parity").build())
                .id();
    }

    @Test
    void a_first_turn_and_a_resumed_turn_print_the_same_lines_and_leave_the_same_volume() {
        Map<String, String> common = Map.of(
                "FLAUDE_PROMPT",
                "fix the failing test",
                "FLAUDE_SESSION_ID",
                SESSION,
                "FLAUDE_REPOS",
                "[\"" + REPO + "\"]");
        imageEnv(common);
        Path mount = image.session(SESSION, "vol");
        List<String> imageFirst = contract(image.run().lines(), mount.toString(), image.workspace.toString());
        List<String> imageResumed = contract(image.run().lines(), mount.toString(), image.workspace.toString());

        String volume = emulatorVolume();
        List<List<String>> emulated = emulatorRuns(emulatorEnv(common, "FLAUDE_MOUNT_PATH", GUEST_MOUNT), volume, 2);

        assertThat(contract(emulated.get(0), GUEST_MOUNT, GUEST_WORKSPACE)).isEqualTo(imageFirst);
        assertThat(contract(emulated.get(1), GUEST_MOUNT, GUEST_WORKSPACE)).isEqualTo(imageResumed);
        assertThat(imageFirst).anySatisfy(l -> assertThat(l).contains("\"turn\":\"first\""));
        assertThat(imageResumed).anySatisfy(l -> assertThat(l).contains("\"turn\":\"resume\""));
        assertThat(String.join("\n", imageFirst)).doesNotContain("hunter2");
        Path emulatedVolume = emulator.volumeDirectory(APP, volume);
        assertThat(tree(emulatedVolume, GUEST_MOUNT))
                .isEqualTo(tree(mount, mount.toString()))
                .contains(
                        ".flaude_cwd",
                        "claude/projects/<mount-slug>-workspace-widgets/" + SESSION + ".jsonl",
                        "workspace/widgets/.git/flaude-clone-complete");
        assertThat(read(emulatedVolume.resolve(".flaude_cwd")).replace(GUEST_MOUNT, "<mount>"))
                .isEqualTo(read(mount.resolve(".flaude_cwd")).replace(mount.toString(), "<mount>"));
    }

    @Test
    void a_failing_agent_ends_both_with_its_exit_code() {
        Map<String, String> common = Map.of("FLAUDE_PROMPT", "fail please");
        imageEnv(common);
        List<String> fromImage =
                contract(image.env("STUB_CLAUDE_EXIT", "1").run().lines(), "/nowhere", image.workspace.toString());

        List<String> emulated = contract(
                emulatorRuns(emulatorEnv(common, "FLAUDE_EMULATOR_EXIT", "1"), null, 1)
                        .get(0),
                "/nowhere",
                GUEST_WORKSPACE);

        assertThat(emulated).isEqualTo(fromImage);
        assertThat(fromImage).last().isEqualTo("[flaude:exit:1]");
    }

    @Test
    void a_missing_token_is_the_same_error_and_exit_code_on_both() {
        Map<String, String> common = Map.of("FLAUDE_PROMPT", "hello");
        imageEnv(common);
        List<String> fromImage =
                image.env("CLAUDE_CODE_OAUTH_TOKEN", null).run().lines();

        List<String> emulated = emulatorRuns(emulatorEnv(common, "CLAUDE_CODE_OAUTH_TOKEN", null), null, 1)
                .get(0);

        assertThat(emulated)
                .isEqualTo(fromImage)
                .containsExactly(
                        "[flaude:error] missing required environment: CLAUDE_CODE_OAUTH_TOKEN", "[flaude:exit:2]");
    }

    @Test
    void a_session_without_its_volume_is_the_same_error_on_both() {
        Map<String, String> common = Map.of("FLAUDE_PROMPT", "hello", "FLAUDE_SESSION_ID", SESSION);
        imageEnv(common);
        Path missing = tmp.resolve("not-mounted");
        List<String> fromImage = contract(
                image.env("FLAUDE_MOUNT_PATH", missing.toString()).run().lines(),
                missing.toString(),
                image.workspace.toString());

        List<String> emulated = contract(
                emulatorRuns(emulatorEnv(common, "FLAUDE_MOUNT_PATH", "/not-mounted"), null, 1)
                        .get(0),
                "/not-mounted",
                GUEST_WORKSPACE);

        assertThat(emulated).isEqualTo(fromImage);
        assertThat(fromImage).last().isEqualTo("[flaude:exit:2]");
    }

    private static String read(Path file) {
        return TestFiles.read(file);
    }
}

package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .ci/find-jdk}, which ./flaude, ./test and .ci/run use to find a JDK 21 or newer by themselves. */
class LauncherJdkTest {

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve(".ci/find-jdk"))) {
            p = p.getParent();
        }
        return p;
    }

    /** A folder that looks like a JDK of the given feature version. */
    private static Path fakeJdk(Path dir, int version) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        for (String tool : new String[] {"java", "javac"}) {
            Path exe = Files.writeString(dir.resolve("bin/" + tool), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"" + version + ".0.1\"\n");
        return dir;
    }

    private static String findJdk(Path javaHome) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder("bash", repoRoot().resolve(".ci/find-jdk").toString());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        Process p = pb.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void a_java_home_of_21_or_newer_is_taken_first(@TempDir Path dir) throws Exception {
        Path jdk = fakeJdk(dir.resolve("jdk-21"), 21);

        assertThat(findJdk(jdk)).isEqualTo(jdk.toString());
    }

    @Test
    void a_java_home_older_than_21_is_passed_over_for_a_newer_jdk(@TempDir Path dir) throws Exception {
        Path old = fakeJdk(dir.resolve("jdk-17"), 17);

        String found = findJdk(old);

        assertThat(found).isNotEqualTo(old.toString());
        String release = Files.readString(Path.of(found, "release"));
        assertThat(Integer.parseInt(release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1")))
                .isGreaterThanOrEqualTo(21);
    }
}

package io.flaude.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./flaude} launcher on a fresh copy of the project, with a stand-in for Maven that writes
 * the jar slowly, in place, as the shade plugin does: launchers started at once build it once and all run.
 */
class LauncherBuildTest {
    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve(".ci/find-jdk"))) {
            p = p.getParent();
        }
        return p;
    }

    /** A runnable jar whose main prints "ran". */
    private static byte[] helloJar(Path dir) throws IOException {
        Path src = Files.writeString(
                dir.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"ran\"); } }");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString()))
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        var bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("Hello.class"));
            jar.write(Files.readAllBytes(dir.resolve("Hello.class")));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A project with the real launcher and JDK finder, one source file, and a slow fake mvn on PATH. */
    private static Path project(Path dir) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve(".ci"));
        Files.copy(repoRoot().resolve("flaude"), project.resolve("flaude"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(repoRoot().resolve(".ci/find-jdk"), project.resolve(".ci/find-jdk"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("flaude-cli/src/main"));
        Files.writeString(project.resolve("flaude-cli/pom.xml"), "<project/>");
        Files.write(dir.resolve("hello.jar"), helloJar(Files.createDirectories(dir.resolve("classes"))));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = Files.writeString(
                bin.resolve("mvn"),
                """
                #!/usr/bin/env bash
                echo build >> "%s"
                mkdir -p flaude-cli/target
                head -c 100 "%s" > flaude-cli/target/flaude.jar
                sleep 1
                cat "%s" > flaude-cli/target/flaude.jar
                """
                        .formatted(dir.resolve("builds.txt"), dir.resolve("hello.jar"), dir.resolve("hello.jar")));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return project;
    }

    @Test
    void launchers_started_at_once_on_a_fresh_clone_build_once_and_all_run(@TempDir Path dir) throws Exception {
        Path project = project(dir);
        List<Process> launchers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder pb = new ProcessBuilder(project.resolve("flaude").toString()).redirectErrorStream(true);
            pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            launchers.add(pb.start());
        }

        for (Process p : launchers) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("ran");
        }
        assertThat(Files.readAllLines(dir.resolve("builds.txt"))).hasSize(1);
    }
}

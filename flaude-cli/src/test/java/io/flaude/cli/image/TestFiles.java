package io.flaude.cli.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Test support: the repository root (found from the working dir), reading files, writing stub scripts. */
final class TestFiles {
    /** The nearest directory at or above the working dir that holds {@code image/entrypoint.sh}. */
    static final Path REPO_ROOT = findRepoRoot();

    private TestFiles() {}

    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("image/entrypoint.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no image/entrypoint.sh above " + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code body} to {@code dir/name} and makes it executable. */
    static Path writeExecutable(Path dir, String name, String body) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, body);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

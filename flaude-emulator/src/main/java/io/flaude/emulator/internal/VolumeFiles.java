package io.flaude.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real directories behind volumes, snapshots and the machines' ephemeral root filesystems, under
 * one root: {@code volumes/<app>/<volume id>}, {@code snapshots/<snapshot id>} and
 * {@code scratch/<run id>}. The root is the configured data dir, or a temporary directory made on first
 * use and deleted by {@link #close}; a configured one is never deleted.
 */
final class VolumeFiles {
    private final Path configured;
    private final ReentrantLock lock = new ReentrantLock();
    private Path root;

    VolumeFiles(Path configured) {
        this.configured = configured;
    }

    /** The volume's directory, created when missing. */
    Path volume(String app, String volumeId) {
        return directory(root().resolve("volumes").resolve(app).resolve(volumeId));
    }

    /** Where a snapshot's copy of its volume lives (not created). */
    Path snapshot(String snapshotId) {
        return root().resolve("snapshots").resolve(snapshotId);
    }

    /** A fresh, empty directory for one instance run's root filesystem. */
    Path scratch(String runId) {
        Path dir = root().resolve("scratch").resolve(runId);
        deleteTree(dir);
        return directory(dir);
    }

    /** Copies {@code from} (when it exists) into {@code to}, replacing files of the same name. */
    void copy(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Deletes the temporary root, if the emulator made one. */
    void close() {
        lock.lock();
        try {
            if (root != null && configured == null) {
                deleteTree(root);
            }
        } finally {
            lock.unlock();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort: a file still being written by a stopping instance may resist.
        }
    }

    private Path root() {
        lock.lock();
        try {
            if (root == null) {
                root = configured != null ? directory(configured) : Files.createTempDirectory("flaude-emulator-");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's data directory", e);
        } finally {
            lock.unlock();
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}

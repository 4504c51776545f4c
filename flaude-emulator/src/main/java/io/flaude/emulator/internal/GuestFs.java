package io.flaude.emulator.internal;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A machine's filesystem as its workload sees it: the mount path and everything under it live in the
 * volume's real directory; every other path lives in a scratch directory that lasts one run, as a
 * machine's root filesystem is reset from its image on every start. The scratch holds the directories
 * the flaude image has ({@code /data}, {@code /workspace}, {@code /home/claude}, {@code /tmp}).
 */
final class GuestFs {
    private static final List<String> IMAGE_DIRS = List.of("/data", "/workspace", "/home/claude", "/tmp");

    private final String mountPath;
    private final Path volumeDir;
    private final Path scratch;

    /**
     * @param mountPath the absolute mount path without a trailing slash, or null without a volume
     * @param volumeDir the volume's directory, or null without a volume
     * @param scratch the run's empty scratch directory
     */
    GuestFs(String mountPath, Path volumeDir, Path scratch) {
        this.mountPath = mountPath;
        this.volumeDir = volumeDir;
        this.scratch = scratch;
        IMAGE_DIRS.forEach(dir -> resolve(dir).toFile().mkdirs());
    }

    /** The real path of an absolute guest path. */
    Path resolve(String guestPath) {
        String path = normalize(guestPath);
        if (mountPath != null && (path.equals(mountPath) || path.startsWith(mountPath + "/"))) {
            String inside = path.substring(mountPath.length());
            return inside.isEmpty() ? volumeDir : volumeDir.resolve(inside.substring(1));
        }
        return path.equals("/") ? scratch : scratch.resolve(path.substring(1));
    }

    /** Whether the guest path is on the mounted volume (and so outlives the run). */
    boolean onVolume(String guestPath) {
        String path = normalize(guestPath);
        return mountPath != null && (path.equals(mountPath) || path.startsWith(mountPath + "/"));
    }

    /** {@code /a/./b/../c/} as {@code /a/c}; a path that climbs above the root stays at the root. */
    static String normalize(String guestPath) {
        if (guestPath == null || !guestPath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + guestPath);
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : guestPath.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The parent of a normalized guest path ({@code /} for a top-level one). */
    static String parent(String guestPath) {
        String path = normalize(guestPath);
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}

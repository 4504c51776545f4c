package io.flaude.fly;

import java.util.List;
import java.util.Map;

/**
 * The parts of Fly's machine config this library sends and reads back: image, environment, size,
 * restart policy, auto-destroy, metadata and the volume mount. Collections are copied, so the
 * caller's maps are never changed or shared. {@link #toString()} shows env names, never values
 * (they hold tokens).
 *
 * @param restartPolicy {@code no}, {@code always} or {@code on-failure}
 * @param autoDestroy   destroy the machine when its process exits
 */
public record MachineConfig(String image, Map<String, String> env, Guest guest, String restartPolicy,
                            boolean autoDestroy, Map<String, String> metadata, List<Mount> mounts) {

    public MachineConfig {
        env = env == null ? Map.of() : Map.copyOf(env);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** A volume mounted into the machine. */
    public record Mount(String volume, String path) {
    }

    /** The same config with another environment. */
    public MachineConfig withEnv(Map<String, String> newEnv) {
        return new MachineConfig(image, newEnv, guest, restartPolicy, autoDestroy, metadata, mounts);
    }

    @Override
    public String toString() {
        return "MachineConfig[image=" + image + ", env=" + new java.util.TreeSet<>(env.keySet()) + " (values hidden)"
                + ", guest=" + guest + ", restartPolicy=" + restartPolicy + ", autoDestroy=" + autoDestroy
                + ", metadata=" + metadata + ", mounts=" + mounts + "]";
    }
}

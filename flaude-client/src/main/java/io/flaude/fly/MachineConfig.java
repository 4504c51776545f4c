package io.flaude.fly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parts of Fly's machine config this library sends and reads back: image, environment, size,
 * restart policy, auto-destroy, metadata and the volume mount. Collections are copied, so the
 * caller's maps are never changed or shared. {@link #toString()} shows env names, never values
 * (they may hold tokens). Build one with {@link #builder(String)}; change one with {@link #toBuilder()}.
 *
 * @param restartPolicy {@code no}, {@code always} or {@code on-failure} ({@code null}: Fly's default)
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

    /** A config for {@code image}, with no env, metadata or mount, Fly's default size and restart policy. */
    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** A builder holding this config, to change some of it. */
    public Builder toBuilder() {
        Builder b = new Builder(image).guest(guest).restartPolicy(restartPolicy).autoDestroy(autoDestroy);
        b.env.putAll(env);
        b.metadata.putAll(metadata);
        b.mounts = mounts;
        return b;
    }

    @Override
    public String toString() {
        return "MachineConfig[image=" + image + ", env=" + new TreeSet<>(env.keySet()) + " (values hidden)"
                + ", guest=" + guest + ", restartPolicy=" + restartPolicy + ", autoDestroy=" + autoDestroy
                + ", metadata=" + metadata + ", mounts=" + mounts + "]";
    }

    /** Builds a {@link MachineConfig}; maps are copied at {@link #build()}. */
    public static final class Builder {
        private String image;
        private final Map<String, String> env = new LinkedHashMap<>();
        private Guest guest;
        private String restartPolicy;
        private boolean autoDestroy;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private List<Mount> mounts = List.of();

        private Builder(String image) {
            this.image = image;
        }

        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** Replaces the whole environment. */
        public Builder env(Map<String, String> env) {
            this.env.clear();
            this.env.putAll(env);
            return this;
        }

        /** Sets one environment variable. */
        public Builder env(String name, String value) {
            this.env.put(name, value);
            return this;
        }

        public Builder guest(Guest guest) {
            this.guest = guest;
            return this;
        }

        public Builder restartPolicy(String restartPolicy) {
            this.restartPolicy = restartPolicy;
            return this;
        }

        public Builder autoDestroy(boolean autoDestroy) {
            this.autoDestroy = autoDestroy;
            return this;
        }

        /** Replaces all metadata. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata.clear();
            this.metadata.putAll(metadata);
            return this;
        }

        /** Sets one metadata key. */
        public Builder metadata(String key, String value) {
            this.metadata.put(key, value);
            return this;
        }

        /** Mounts {@code volumeId} at {@code path} (a Fly machine mounts at most one volume). */
        public Builder mount(String volumeId, String path) {
            this.mounts = List.of(new Mount(volumeId, path));
            return this;
        }

        /** Mounts nothing. */
        public Builder noMount() {
            this.mounts = List.of();
            return this;
        }

        public MachineConfig build() {
            return new MachineConfig(image, env, guest, restartPolicy, autoDestroy, metadata, mounts);
        }
    }
}

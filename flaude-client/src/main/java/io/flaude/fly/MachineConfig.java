package io.flaude.fly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parts of Fly's machine config this library sends and reads back: image, environment, size,
 * restart policy, auto-destroy, metadata, the volume mount and files holding app secrets. Collections are copied, so
 * the
 * caller's maps are never changed or shared. {@link #toString()} shows env names, never values
 * (they may hold tokens). Build one with {@link #builder(String)}; change one with {@link #toBuilder()}.
 *
 * @param restartPolicy {@code no}, {@code always} or {@code on-failure} ({@code null}: Fly's default)
 * @param autoDestroy   destroy the machine when its process exits
 * @param files         files whose content is an app secret (base64-decoded), written before the process starts
 */
public record MachineConfig(
        String image,
        Map<String, String> env,
        Guest guest,
        String restartPolicy,
        boolean autoDestroy,
        Map<String, String> metadata,
        List<Mount> mounts,
        List<SecretFile> files) {

    public MachineConfig {
        env = env == null ? Map.of() : Map.copyOf(env);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * A file at {@code guestPath} holding the app secret {@code secretName}: Fly base64-decodes the
     * secret's value into it, so set the secret base64-encoded. The config carries the name only.
     */
    public record SecretFile(String guestPath, String secretName) {}

    /** A volume mounted into the machine. */
    public record Mount(String volume, String path) {}

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
        b.files.addAll(files);
        return b;
    }

    @Override
    public String toString() {
        return "MachineConfig[image=" + image + ", env=" + new TreeSet<>(env.keySet()) + " (values hidden)"
                + ", guest=" + guest + ", restartPolicy=" + restartPolicy + ", autoDestroy=" + autoDestroy
                + ", metadata=" + metadata + ", mounts=" + mounts + ", files=" + files + "]";
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
        private final List<SecretFile> files = new java.util.ArrayList<>();

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

        /** Writes the app secret {@code secretName} (base64-decoded) to {@code guestPath}, replacing a file there. */
        public Builder secretFile(String guestPath, String secretName) {
            files.removeIf(f -> f.guestPath().equals(guestPath));
            files.add(new SecretFile(guestPath, secretName));
            return this;
        }

        public MachineConfig build() {
            return new MachineConfig(image, env, guest, restartPolicy, autoDestroy, metadata, mounts, files);
        }
    }
}

package io.flaude.fly;

/**
 * What to create: {@code name}, {@code region} and {@code sizeGb} are always sent (defaults
 * {@code flaude_session}, {@code iad}, 1 GB, as the Python flaude); every other field is sent only
 * when set (non-{@code null}), so with no options the body is exactly
 * {@code {"name":"flaude_session","region":"iad","size_gb":1}}.
 *
 * @param encrypted         encrypt at rest (Fly's default: true)
 * @param fstype            {@code ext4} (Fly's default) or {@code raw}
 * @param requireUniqueZone place on hardware holding no other volume of this name (Fly's default: true)
 * @param uniqueZoneAppWide extend that uniqueness to every volume of the app
 * @param snapshotId        restore from this snapshot ({@code vs_...}); size must be at least the source's
 * @param sourceVolumeId    fork from this volume ({@code vol_...})
 * @param snapshotRetention days to keep daily snapshots, 1-60 (Fly's default: 5)
 * @param autoBackupEnabled take daily snapshots (Fly's default: true)
 * @param compute           placement hint: the size of the machine that will mount the volume
 * @param computeImage      placement hint: the image of that machine
 */
public record VolumeSpec(
        String name,
        String region,
        int sizeGb,
        Boolean encrypted,
        String fstype,
        Boolean requireUniqueZone,
        Boolean uniqueZoneAppWide,
        String snapshotId,
        String sourceVolumeId,
        Integer snapshotRetention,
        Boolean autoBackupEnabled,
        Guest compute,
        String computeImage) {

    public static final String DEFAULT_NAME = "flaude_session";
    public static final String DEFAULT_REGION = "iad";
    public static final int DEFAULT_SIZE_GB = 1;

    /** The defaults: {@code flaude_session} in {@code iad}, 1 GB, nothing else set. */
    public static VolumeSpec defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).region(region).sizeGb(sizeGb);
        b.encrypted = encrypted;
        b.fstype = fstype;
        b.requireUniqueZone = requireUniqueZone;
        b.uniqueZoneAppWide = uniqueZoneAppWide;
        b.snapshotId = snapshotId;
        b.sourceVolumeId = sourceVolumeId;
        b.snapshotRetention = snapshotRetention;
        b.autoBackupEnabled = autoBackupEnabled;
        b.compute = compute;
        b.computeImage = computeImage;
        return b;
    }

    /** Builds a {@link VolumeSpec}; values are checked when the spec is used, before any request. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private String region = DEFAULT_REGION;
        private int sizeGb = DEFAULT_SIZE_GB;
        private Boolean encrypted;
        private String fstype;
        private Boolean requireUniqueZone;
        private Boolean uniqueZoneAppWide;
        private String snapshotId;
        private String sourceVolumeId;
        private Integer snapshotRetention;
        private Boolean autoBackupEnabled;
        private Guest compute;
        private String computeImage;

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder sizeGb(int sizeGb) {
            this.sizeGb = sizeGb;
            return this;
        }

        public Builder encrypted(Boolean encrypted) {
            this.encrypted = encrypted;
            return this;
        }

        public Builder fstype(String fstype) {
            this.fstype = fstype;
            return this;
        }

        public Builder requireUniqueZone(Boolean requireUniqueZone) {
            this.requireUniqueZone = requireUniqueZone;
            return this;
        }

        public Builder uniqueZoneAppWide(Boolean uniqueZoneAppWide) {
            this.uniqueZoneAppWide = uniqueZoneAppWide;
            return this;
        }

        /** Restore: the new volume starts as a copy of this snapshot. */
        public Builder snapshotId(String snapshotId) {
            this.snapshotId = snapshotId;
            return this;
        }

        /** Fork: the new volume starts as a copy of this volume. */
        public Builder sourceVolumeId(String sourceVolumeId) {
            this.sourceVolumeId = sourceVolumeId;
            return this;
        }

        public Builder snapshotRetention(Integer snapshotRetention) {
            this.snapshotRetention = snapshotRetention;
            return this;
        }

        public Builder autoBackupEnabled(Boolean autoBackupEnabled) {
            this.autoBackupEnabled = autoBackupEnabled;
            return this;
        }

        public Builder compute(Guest compute) {
            this.compute = compute;
            return this;
        }

        public Builder computeImage(String computeImage) {
            this.computeImage = computeImage;
            return this;
        }

        public VolumeSpec build() {
            return new VolumeSpec(
                    name,
                    region,
                    sizeGb,
                    encrypted,
                    fstype,
                    requireUniqueZone,
                    uniqueZoneAppWide,
                    snapshotId,
                    sourceVolumeId,
                    snapshotRetention,
                    autoBackupEnabled,
                    compute,
                    computeImage);
        }
    }
}

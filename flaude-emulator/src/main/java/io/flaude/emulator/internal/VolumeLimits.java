package io.flaude.emulator.internal;

/** The numeric bounds Fly puts on volumes (DOCS-V, DOCS-VO), checked the same way by every operation. */
final class VolumeLimits {
    static final int DEFAULT_SIZE_GB = 3;
    static final int MAX_SIZE_GB = 500;
    static final int DEFAULT_RETENTION_DAYS = 5;
    private static final int MAX_RETENTION_DAYS = 60;

    private VolumeLimits() {}

    static int requireSize(int sizeGb) {
        if (sizeGb < 1 || sizeGb > MAX_SIZE_GB) {
            throw ApiError.invalid("size_gb must be between 1 and " + MAX_SIZE_GB + " (got " + sizeGb + ")");
        }
        return sizeGb;
    }

    static int requireRetention(int days) {
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            throw ApiError.invalid(
                    "snapshot_retention must be between 1 and " + MAX_RETENTION_DAYS + " days (got " + days + ")");
        }
        return days;
    }
}

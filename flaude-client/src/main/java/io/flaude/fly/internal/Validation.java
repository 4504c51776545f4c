package io.flaude.fly.internal;

import io.flaude.fly.FlyValidationException;
import java.util.regex.Pattern;

/**
 * Checks input before any request, so a bad value costs no call and gets a message that says what
 * is allowed. The rules, and where they come from, are in docs/volumes.md. Not API.
 */
public final class Validation {
    /** Fly app names: lowercase letters, digits and dashes, 1-63, no leading or trailing dash. */
    private static final Pattern APP = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** Volume names as Fly's Terraform provider enforced them, capped at 30 as reported by users. */
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-z0-9_]{1,30}");

    private static final Pattern REGION = Pattern.compile("[a-z]{3}");
    private static final Pattern VOLUME_ID = Pattern.compile("vol_[A-Za-z0-9]{1,64}");
    private static final Pattern SNAPSHOT_ID = Pattern.compile("vs_[A-Za-z0-9]{1,64}");
    private static final Pattern MACHINE_ID = Pattern.compile("[a-z0-9]{1,32}");
    /** Fly secret names as env names: letters, digits and underscores, not starting with a digit. */
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");

    private static final Pattern ORG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Fly's regions as its platform lists them (2026); a code outside them is refused before any request. */
    private static final java.util.Set<String> REGIONS = java.util.Set.of(
            "ams", "arn", "atl", "bog", "bom", "bos", "cdg", "den", "dfw", "ewr", "eze", "fra", "gdl", "gig", "gru",
            "hkg", "iad", "jnb", "lax", "lhr", "mad", "mia", "nrt", "ord", "otp", "phx", "qro", "scl", "sea", "sin",
            "sjc", "syd", "waw", "yul", "yyz");

    public static final int MIN_SIZE_GB = 1;
    public static final int MAX_SIZE_GB = 500;
    public static final int MIN_RETENTION_DAYS = 1;
    public static final int MAX_RETENTION_DAYS = 60;

    private Validation() {}

    public static String appName(String app) {
        return matching(
                app,
                APP,
                "app name",
                "use 1-63 lowercase letters, digits and dashes, not starting or ending with a dash");
    }

    /** Whether {@code app} is a valid app name (no exception: for names that arrive from the network). */
    public static boolean isAppName(String app) {
        return app != null && APP.matcher(app).matches();
    }

    public static String volumeName(String name) {
        return matching(
                name, VOLUME_NAME, "volume name", "use 1-30 lowercase letters, digits and underscores (no dashes)");
    }

    public static String region(String region) {
        matching(region, REGION, "region", "use a 3-letter Fly region code such as iad, ord or fra");
        if (!REGIONS.contains(region)) {
            throw new FlyValidationException("unknown region '" + region + "': Fly's regions are "
                    + String.join(", ", new java.util.TreeSet<>(REGIONS)));
        }
        return region;
    }

    public static String volumeId(String id) {
        return matching(id, VOLUME_ID, "volume id", "volume ids look like vol_9vw681egy1jj5xm4");
    }

    public static String snapshotId(String id) {
        return matching(id, SNAPSHOT_ID, "snapshot id", "snapshot ids look like vs_4LNvXLLK0P6tk6KgqoexaBw");
    }

    public static String machineId(String id) {
        return matching(id, MACHINE_ID, "machine id", "machine ids look like 3d8d413b29d089");
    }

    public static String orgSlug(String org) {
        return matching(org, ORG, "organization slug", "use the org's slug, e.g. personal");
    }

    public static int sizeGb(int size) {
        return inRange(size, MIN_SIZE_GB, MAX_SIZE_GB, "volume size", " GB");
    }

    public static int retentionDays(int days) {
        return inRange(days, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS, "snapshot retention", " days");
    }

    public static String fstype(String fstype) {
        if (!"ext4".equals(fstype) && !"raw".equals(fstype)) {
            throw new FlyValidationException("invalid fstype " + quote(fstype) + ": use ext4 or raw");
        }
        return fstype;
    }

    public static String secretName(String name) {
        return matching(name, SECRET_NAME, "secret name", "use letters, digits and _, not starting with a digit");
    }

    private static String matching(String value, Pattern pattern, String what, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new FlyValidationException("invalid " + what + " " + quote(value) + ": " + rule);
        }
        return value;
    }

    private static int inRange(int value, int min, int max, String what, String unit) {
        if (value < min || value > max) {
            throw new FlyValidationException(
                    "invalid " + what + " " + value + unit + ": must be " + min + "-" + max + unit);
        }
        return value;
    }

    private static String quote(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}

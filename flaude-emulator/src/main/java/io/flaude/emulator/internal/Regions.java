package io.flaude.emulator.internal;

import java.util.Set;

/** Fly's region codes that can host a volume (meta-regions such as {@code us} are not accepted). */
final class Regions {
    private static final Set<String> CODES = Set.of(
            "ams", "arn", "atl", "bog", "bom", "bos", "cdg", "den", "dfw", "ewr", "eze", "fra", "gdl", "gig",
            "gru", "hkg", "iad", "jnb", "lax", "lhr", "mad", "mia", "nrt", "ord", "otp", "phx", "qro", "scl",
            "sea", "sin", "sjc", "syd", "waw", "yul", "yyz");

    private Regions() {}

    /** Rejects a missing or unknown region with Fly's 422 (superfly/flyctl#2730). */
    static String require(String region) {
        if (region == null || !CODES.contains(region)) {
            throw ApiError.of(422, "Region '" + (region == null ? "" : region)
                    + "' cannot host your machine. Please use an alternative region (see `fly platform regions`).");
        }
        return region;
    }
}

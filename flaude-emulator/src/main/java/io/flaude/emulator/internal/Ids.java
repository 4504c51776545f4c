package io.flaude.emulator.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Generates identifiers shaped like Fly's. They are random, not secret. */
public final class Ids {
    private static final String LOWER_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";
    /** Crockford's base 32, lower-cased, as ULIDs use it. */
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

    private Ids() {}

    /** A 26-character, time-ordered, ULID-like request id in lower case. */
    public static String requestId() {
        var id = new StringBuilder(26);
        long millis = System.currentTimeMillis();
        for (int shift = 45; shift >= 0; shift -= 5) {
            id.append(CROCKFORD.charAt((int) (millis >>> shift) & 31));
        }
        return id.append(random(CROCKFORD, 16)).toString();
    }

    /** A token for clients to use when the emulator was started without one. */
    public static String token() {
        return "emulator_" + random(LOWER_ALNUM, 32);
    }

    static String appId() {
        return random(LOWER_ALNUM, 16);
    }

    static String volumeId() {
        return "vol_" + random(LOWER_ALNUM, 16);
    }

    static String zone() {
        return random(HEX, 4);
    }

    static String snapshotId() {
        return "vs_" + random(BASE62, 22);
    }

    static String digest() {
        return random(HEX, 64);
    }

    private static String random(String alphabet, int length) {
        var random = ThreadLocalRandom.current();
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}

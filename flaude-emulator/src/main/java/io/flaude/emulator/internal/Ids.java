package io.flaude.emulator.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Generates identifiers shaped like Fly's. They are random, not secret. */
public final class Ids {
    private static final String LOWER_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";
    /** Crockford's base 32, lower-cased, as ULIDs use it. */
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

    private static final List<String> ADJECTIVES = List.of(
            "autumn",
            "bold",
            "calm",
            "crimson",
            "damp",
            "dawn",
            "falling",
            "frosty",
            "gentle",
            "hidden",
            "icy",
            "lingering",
            "misty",
            "morning",
            "quiet",
            "red",
            "silent",
            "snowy",
            "summer",
            "twilight",
            "wandering",
            "wild",
            "winter",
            "young");
    private static final List<String> NOUNS = List.of(
            "bird", "breeze", "brook", "cloud", "dew", "dream", "field", "fire", "flower", "forest", "frog", "glade",
            "hill", "lake", "leaf", "meadow", "moon", "night", "pine", "rain", "river", "sea", "shadow", "sky", "snow",
            "star", "sun", "wave", "wind");

    private Ids() {}

    /** A 26-character, time-ordered, ULID-like request id in lower case. */
    public static String requestId() {
        return ulid();
    }

    /** A machine id: 14 lowercase hex digits, e.g. {@code 148e21ea7e1e89}. */
    static String machineId() {
        return random(HEX, 14);
    }

    /** A machine version (also its {@code instance_id}): a 26-character ULID-like id in lower case. */
    static String machineVersion() {
        return ulid();
    }

    /** A machine event id: a ULID in upper case, as Fly shows them. */
    static String eventId() {
        return ulid().toUpperCase(Locale.ROOT);
    }

    /** A generated machine name such as {@code twilight-river-1234}. */
    static String machineName() {
        var random = ThreadLocalRandom.current();
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size())) + "-"
                + (1000 + random.nextInt(9000));
    }

    /** A 6PN private address, e.g. {@code fdaa:0:3b99:a7b:7e:1c3a:9f2d:2}. */
    static String privateIp() {
        var random = ThreadLocalRandom.current();
        return String.format(
                Locale.ROOT,
                "fdaa:0:%x:a7b:%x:%x:%x:2",
                random.nextInt(0x1000, 0x10000),
                random.nextInt(1, 0x1000),
                random.nextInt(0x1000, 0x10000),
                random.nextInt(0x1000, 0x10000));
    }

    /** A lease nonce. */
    static String leaseNonce() {
        return random(HEX, 12);
    }

    /** A log line id, unique within an emulator. */
    static String logId() {
        return ulid();
    }

    private static String ulid() {
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

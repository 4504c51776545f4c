package io.flaude.agent.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every mark flaude leaves on Fly, in one place: the machine metadata keys, the session volume's name,
 * and the names of the app secrets that hold a run's or a session's tokens. The reaper finds what flaude
 * left behind by exactly these, so a new resource gets its mark here or is never reclaimed. (The client's
 * own mark, {@link io.flaude.fly.Machines#CREATE_ID}, finds a create whose answer was lost.) Not API: the
 * public constants on {@code AgentConfig}, {@code Sessions} and {@code RunExecutor} are aliases.
 */
public final class FlyMarks {
    /** Machine metadata marking flaude's machines; its value is {@value #FLAUDE}. */
    public static final String MANAGED_BY = "managed_by";

    public static final String FLAUDE = "flaude";
    /** Machine metadata naming the session a machine belongs to. */
    public static final String SESSION_ID = "session_id";
    /** Machine metadata naming the variables the last turn set for itself only, so the next turn drops them. */
    public static final String TURN_ENV = "flaude_turn_env";
    /** Machine metadata: the batch a run belongs to, and its index in it. */
    public static final String BATCH = "flaude_batch";

    public static final String BATCH_INDEX = "flaude_batch_index";
    /** Machine metadata: the prefix of the app secrets the machine reads. */
    public static final String SECRETS_PREFIX = "flaude_secrets";
    /** Machine metadata: salted digests of the tokens set, to tell whether a turn's token is new. */
    public static final String CLAUDE_DIGEST = "flaude_claude_digest";

    public static final String GITHUB_DIGEST = "flaude_github_digest";

    /** Session volumes are named with this prefix and 16 hex digits of the session id (Fly allows 30). */
    public static final String VOLUME_PREFIX = "flaude_s_";

    /** The app secrets flaude names: a run's ({@code R}) or a session's ({@code S}) prefix, then the token. */
    public static final Pattern SECRET_NAME = Pattern.compile("(FLAUDE_[RS]_[0-9A-F]{16})_(CLAUDE|GITHUB)");

    private static final String RUN_SECRETS = "FLAUDE_R_";
    private static final String SESSION_SECRETS = "FLAUDE_S_";

    private FlyMarks() {}

    /** The volume name of a session: {@value #VOLUME_PREFIX} and 16 hex digits of its id. */
    public static String volumeName(String sessionId) {
        return VOLUME_PREFIX + sessionId.replace("-", "").substring(0, 16);
    }

    /** A fresh secrets prefix for a one-shot run (or a batch's pair of tokens). */
    public static String runSecrets() {
        return RUN_SECRETS + hex16(UUID.randomUUID().toString());
    }

    /** Whether a secrets prefix is a run's or a batch's ({@code FLAUDE_R_...}), not a session's. */
    public static boolean isRunSecrets(String prefix) {
        return prefix.startsWith(RUN_SECRETS);
    }

    /** The volume name of the session with this secrets prefix ({@code FLAUDE_S_0A1B...}: {@code flaude_s_0a1b...}). */
    public static String volumeNameOfSecrets(String sessionPrefix) {
        return VOLUME_PREFIX + sessionPrefix.substring(SESSION_SECRETS.length()).toLowerCase(Locale.ROOT);
    }

    /** The secrets prefix of a session, from its id. */
    public static String sessionSecrets(String sessionId) {
        return SESSION_SECRETS + hex16(sessionId);
    }

    public static String claudeSecret(String prefix) {
        return prefix + "_CLAUDE";
    }

    public static String githubSecret(String prefix) {
        return prefix + "_GITHUB";
    }

    /** Both secret names a prefix can hold. */
    public static List<String> secretNames(String prefix) {
        return List.of(claudeSecret(prefix), githubSecret(prefix));
    }

    private static String hex16(String uuid) {
        return uuid.replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}

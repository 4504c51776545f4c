package io.flaude.agent.internal;

import java.util.regex.Pattern;

/**
 * The Java side of the machine image's contract (docs/image.md, image/entrypoint.sh): the env the
 * entrypoint reads, where the tokens' secret files are mounted, and the lines it prints. Every class that
 * writes or reads that contract names it from here. Not API.
 */
public final class ImageContract {
    public static final String PROMPT = "FLAUDE_PROMPT";
    public static final String OUTPUT_FORMAT = "FLAUDE_OUTPUT_FORMAT";
    public static final String REPOS = "FLAUDE_REPOS";
    public static final String SESSION_ID = "FLAUDE_SESSION_ID";
    public static final String MOUNT_PATH = "FLAUDE_MOUNT_PATH";
    public static final String CLAUDE_CONFIG_DIR = "CLAUDE_CONFIG_DIR";
    public static final String CLAUDE_TOKEN = "CLAUDE_CODE_OAUTH_TOKEN";
    public static final String GITHUB_TOKEN = "GITHUB_TOKEN";
    public static final String GITHUB_USERNAME = "GITHUB_USERNAME";
    /** The variable that names a file holding the value of {@code name}, which the entrypoint prefers. */
    public static final String FILE_SUFFIX = "_FILE";

    public static final String CLAUDE_TOKEN_FILE = CLAUDE_TOKEN + FILE_SUFFIX;
    public static final String GITHUB_TOKEN_FILE = GITHUB_TOKEN + FILE_SUFFIX;
    /** Where the tokens' secret files are written on the machine. */
    public static final String CLAUDE_FILE = "/run/flaude/secrets/claude_token";

    public static final String GITHUB_FILE = "/run/flaude/secrets/github_token";

    /**
     * The entrypoint's own lines start so; Claude's output never does. (Public value types use the
     * constants here, which the compiler copies, never the methods: they may not depend on internals.)
     */
    public static final String LINE_PREFIX = "[flaude";
    /** {@code [flaude:exit:N]}: Claude's exit code, the last line of a run. */
    public static final Pattern EXIT = Pattern.compile("^\\[flaude:exit:(-?\\d+)]\\s*$");
    /** {@code [flaude:manifest:{...}]}: what the run changed, as JSON. */
    public static final Pattern MANIFEST = Pattern.compile("^\\[flaude:manifest:(\\{.*})]\\s*$");

    private ImageContract() {}

    /** The variable naming the file that holds {@code name}'s value ({@code NAME_FILE}). */
    public static String fileOf(String name) {
        return name + FILE_SUFFIX;
    }
}

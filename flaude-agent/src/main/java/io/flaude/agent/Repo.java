package io.flaude.agent;

import io.flaude.fly.FlyValidationException;

/**
 * A git repository the machine clones before running Claude.
 *
 * @param branch    branch or tag to clone, {@code null} for the default branch
 * @param targetDir directory name in the workspace, {@code null} for the repository's name
 */
public record Repo(String url, String branch, String targetDir) {
    /** https://, http://, ssh:// or git:// with a host and a path, or scp-like {@code git@host:owner/repo}. */
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
            "(?:(?:https?|ssh|git)://[^/\\s@]*@?[A-Za-z0-9.-]+(?::\\d+)?/\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)");

    public Repo {
        if (url == null || url.isBlank()) {
            throw new FlyValidationException("a repo needs a url");
        }
        if (!URL.matcher(url).matches()) {
            throw new FlyValidationException(
                    "invalid repo url '" + url + "': use https://host/owner/repo or " + "git@host:owner/repo");
        }
    }

    public static Repo of(String url) {
        return new Repo(url, null, null);
    }
}

package io.flaude.agent;

import io.flaude.fly.FlyValidationException;

/**
 * A git repository the machine clones before running Claude.
 *
 * @param branch    branch or tag to clone, {@code null} for the default branch
 * @param targetDir directory name in the workspace, {@code null} for the repository's name
 */
public record Repo(String url, String branch, String targetDir) {
    public Repo {
        if (url == null || url.isBlank()) {
            throw new FlyValidationException("a repo needs a url");
        }
    }

    public static Repo of(String url) {
        return new Repo(url, null, null);
    }
}

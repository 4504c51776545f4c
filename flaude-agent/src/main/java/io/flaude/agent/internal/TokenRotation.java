package io.flaude.agent.internal;

import io.flaude.fly.MachineConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A turn given a Claude or GitHub token: when it differs from the one the session's secrets hold (told
 * by the digest in the machine's metadata, so no request), the secret is set again and the config points
 * at it. A token that did not change costs nothing. Not API.
 */
final class TokenRotation {
    private final String prefix;
    private final Map<String, String> changed = new LinkedHashMap<>();
    private final MachineConfig config;

    TokenRotation(String sessionId, MachineConfig current, String claudeToken, String githubToken) {
        this.prefix = current.metadata().getOrDefault(FlyMarks.SECRETS_PREFIX, FlyMarks.sessionSecrets(sessionId));
        MachineConfig.Builder b = current.toBuilder().metadata(FlyMarks.SECRETS_PREFIX, prefix);
        Map<String, String> env = new LinkedHashMap<>(current.env());
        if (claudeToken != null) {
            rotate(
                    b,
                    env,
                    current,
                    FlyMarks.claudeSecret(prefix),
                    claudeToken,
                    FlyMarks.CLAUDE_DIGEST,
                    ImageContract.CLAUDE_TOKEN,
                    ImageContract.CLAUDE_FILE);
        }
        if (githubToken != null) {
            rotate(
                    b,
                    env,
                    current,
                    FlyMarks.githubSecret(prefix),
                    githubToken,
                    FlyMarks.GITHUB_DIGEST,
                    ImageContract.GITHUB_TOKEN,
                    ImageContract.GITHUB_FILE);
        }
        this.config = changed.isEmpty() ? current : b.env(env).build();
    }

    private void rotate(
            MachineConfig.Builder b,
            Map<String, String> env,
            MachineConfig current,
            String secret,
            String token,
            String digestKey,
            String envName,
            String file) {
        String digest = AgentSecrets.digest(secret, token);
        if (digest.equals(current.metadata().get(digestKey))) {
            return;
        }
        changed.put(secret, AgentSecrets.base64(token));
        env.remove(envName); // a session made before tokens were secrets had it in env, which wins over the file
        env.put(ImageContract.fileOf(envName), file);
        b.secretFile(file, secret).metadata(digestKey, digest);
    }

    /** The secrets to set before the turn (name to base64 value); empty when no token changed. */
    Map<String, String> changedSecrets() {
        return changed;
    }

    /** The config to base the turn on: the current one, pointing at the rotated secrets. */
    MachineConfig config() {
        return config;
    }
}

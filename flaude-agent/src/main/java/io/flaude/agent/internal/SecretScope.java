package io.flaude.agent.internal;

import io.flaude.agent.AgentConfig;
import io.flaude.fly.FlyException;
import io.flaude.fly.Secrets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the tokens of runs and sessions live on Fly, and for how long: app secrets named by
 * {@link FlyMarks}, which a machine reads as files. One shape for three lifecycles:
 * <ul>
 *   <li>{@link #perRun}: one run's own pair, set before its machine and unset once the machine is gone;</li>
 *   <li>{@link #shared}: a batch's, one pair per distinct pair of tokens, set when the first run needing it
 *       starts and unset when the batch ends (Fly allows one secrets change per second per app);</li>
 *   <li>{@link #ofSession}: a session's, set at its creation and unset by its teardown, from any process.</li>
 * </ul>
 * Thread-safe. Not API.
 */
public abstract sealed class SecretScope {
    /** The secrets a machine may read: their prefix, and the secrets version it must boot with. */
    public record Grant(String prefix, long version) {}

    final Secrets secrets;

    private SecretScope(Secrets secrets) {
        this.secrets = secrets;
    }

    public static SecretScope perRun(Secrets secrets) {
        return new PerRun(secrets);
    }

    public static SecretScope shared(Secrets secrets) {
        return new Shared(secrets);
    }

    public static SecretScope ofSession(Secrets secrets, String sessionId) {
        return new OfSession(secrets, sessionId);
    }

    /** Sets the secrets {@code config}'s tokens need, unless this scope holds them already. */
    public abstract Grant acquire(AgentConfig config);

    /**
     * A run of this scope is over and its machine gone (or never made): a run's own secrets are unset now;
     * a batch's and a session's stay until {@link #release()}. Returns what failed.
     */
    public List<FlyException> runEnded() {
        return List.of();
    }

    /** Unsets every secret this scope set (a session's: those Fly holds); returns what failed. */
    public abstract List<FlyException> release();

    /**
     * Sets the values of this config's tokens under {@code prefix}. The names go into {@code names} first:
     * a set whose answer was lost may have been made, and is unset with the rest.
     */
    Grant set(String prefix, AgentConfig config, List<String> names) {
        Map<String, String> values = AgentMachineConfig.secretValues(config, prefix);
        names.addAll(values.keySet());
        return new Grant(prefix, secrets.set(values));
    }

    private static final class PerRun extends SecretScope {
        private final List<String> set = new ArrayList<>();
        private final String prefix = FlyMarks.runSecrets();

        PerRun(Secrets secrets) {
            super(secrets);
        }

        @Override
        public Grant acquire(AgentConfig config) {
            return set(prefix, config, set);
        }

        @Override
        public List<FlyException> runEnded() {
            return release();
        }

        @Override
        public List<FlyException> release() {
            if (set.isEmpty()) {
                return List.of();
            }
            List<FlyException> errors = Cleanup.unsetSecrets(secrets, prefix, set);
            if (errors.isEmpty()) {
                set.clear();
            }
            return errors;
        }
    }

    private static final class Shared extends SecretScope {
        private final ReentrantLock lock = new ReentrantLock();
        private final Map<List<String>, Grant> byTokens = new HashMap<>();
        private final Map<String, List<String>> names = new HashMap<>();

        Shared(Secrets secrets) {
            super(secrets);
        }

        @Override
        public Grant acquire(AgentConfig config) {
            List<String> key = Arrays.asList(config.claudeToken(), config.githubToken());
            lock.lock();
            try {
                Grant grant = byTokens.get(key);
                if (grant == null) {
                    String prefix = FlyMarks.runSecrets();
                    List<String> set = names.computeIfAbsent(prefix, p -> new ArrayList<>());
                    grant = set(prefix, config, set);
                    byTokens.put(key, grant);
                }
                return grant;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<FlyException> release() {
            lock.lock();
            try {
                List<FlyException> errors = new ArrayList<>();
                names.forEach((prefix, set) -> errors.addAll(Cleanup.unsetSecrets(secrets, prefix, set)));
                names.clear();
                byTokens.clear();
                return errors;
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class OfSession extends SecretScope {
        private final String prefix;

        OfSession(Secrets secrets, String sessionId) {
            super(secrets);
            this.prefix = FlyMarks.sessionSecrets(sessionId);
        }

        @Override
        public Grant acquire(AgentConfig config) {
            return set(prefix, config, new ArrayList<>());
        }

        @Override
        public List<FlyException> release() {
            return Cleanup.unsetSecrets(secrets, prefix);
        }
    }
}

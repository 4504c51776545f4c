package io.flaude.agent;

import io.flaude.agent.internal.AgentSecrets;
import io.flaude.agent.internal.Cleanup;
import io.flaude.fly.FlyException;
import io.flaude.fly.Secrets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The secrets of one batch of runs: one {@code FLAUDE_R_<id>_*} pair per distinct pair of tokens, set
 * when the first run needing it starts and unset when the batch ends, so a batch of N runs costs two
 * secrets changes, not 2N (Fly allows one per second per app). Thread-safe.
 */
final class BatchSecrets {
    /** One pair of tokens' secrets: their prefix, the version that set them, the names set. */
    record Entry(String prefix, long version, Set<String> names) {
    }

    private final Secrets secrets;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<List<String>, Entry> byTokens = new HashMap<>();

    BatchSecrets(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The secrets of this config's tokens, set now if no run of the batch set them yet. */
    Entry acquire(AgentConfig config) {
        List<String> key = Arrays.asList(config.claudeToken(), config.githubToken());
        lock.lock();
        try {
            Entry e = byTokens.get(key);
            if (e == null) {
                String prefix = AgentSecrets.forRun();
                Map<String, String> values = config.secretValues(prefix);
                e = new Entry(prefix, secrets.set(values), values.keySet());
                byTokens.put(key, e);
            }
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** Unsets every pair set; what fails is left to the reaper and returned. */
    List<FlyException> unsetAll() {
        lock.lock();
        try {
            List<FlyException> errors = new ArrayList<>();
            byTokens.values().forEach(e -> errors.addAll(Cleanup.unsetSecrets(secrets, e.prefix(), e.names())));
            byTokens.clear();
            return errors;
        } finally {
            lock.unlock();
        }
    }
}

package io.flaude.agent;

import io.flaude.agent.internal.FlyMarks;
import io.flaude.agent.internal.SecretScope;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.FlyInterruptedException;
import io.flaude.fly.FlyValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs many one-shot runs at once, each on a virtual thread, at most {@code concurrency} of them
 * running at a time across all batches of this executor. Every run goes through the client's rate
 * budget, so a batch queues for Fly's limits instead of drawing 429s. Each run's machine is tagged
 * with the batch id and its index ({@value #BATCH_METADATA}, {@value #INDEX_METADATA}). One run's
 * failure never stops the others; cancelling a batch interrupts its runs, whose machines are then
 * destroyed as for any interrupted run, and starts none of those still waiting. The runs of a batch share
 * one set of secrets per distinct pair of tokens, set once and unset when the batch ends (Fly allows one
 * secrets change per second per app). Thread-safe.
 */
public final class RunExecutor implements AutoCloseable {
    public static final String BATCH_METADATA = FlyMarks.BATCH;
    public static final String INDEX_METADATA = FlyMarks.BATCH_INDEX;

    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    private final FlyClient fly;
    private final Runner runner;
    private final Semaphore slots;
    private final java.util.Set<Batch> open = ConcurrentHashMap.newKeySet();

    public RunExecutor(FlyClient fly, int concurrency) {
        if (concurrency < 1) {
            throw new FlyValidationException("an executor runs at least 1 run at a time, got " + concurrency);
        }
        this.fly = fly;
        this.runner = new Runner(fly);
        this.slots = new Semaphore(concurrency, true);
    }

    /**
     * Starts the runs in {@code app}; returns at once. Options apply to every run (the line callback gets all lines).
     */
    public Batch submit(String app, List<AgentConfig> configs, RunOptions options) {
        Objects.requireNonNull(options, "options");
        Batch batch = new Batch(UUID.randomUUID().toString(), configs.size(), SecretScope.shared(fly.secrets(app)));
        open.add(batch);
        for (int i = 0; i < configs.size(); i++) {
            int index = i;
            AgentConfig tagged = configs.get(i).toBuilder()
                    .metadata(withTags(configs.get(i), batch.id, index))
                    .build();
            Thread.ofVirtual()
                    .name("flaude-batch-" + batch.id.substring(0, 8) + "-" + i)
                    .start(() -> runOne(batch, index, app, tagged, options));
        }
        return batch;
    }

    /** {@link #submit} and wait for the whole batch. */
    public BatchResult runAll(String app, List<AgentConfig> configs, RunOptions options) {
        return submit(app, configs, options).await();
    }

    private static java.util.Map<String, String> withTags(AgentConfig c, String batchId, int index) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(c.metadata());
        m.put(BATCH_METADATA, batchId);
        m.put(INDEX_METADATA, Integer.toString(index));
        return m;
    }

    private void runOne(Batch batch, int index, String app, AgentConfig config, RunOptions options) {
        // Registered before the cancel check: a cancel either sees this thread or this thread sees the cancel.
        batch.threads.add(Thread.currentThread());
        try {
            if (batch.cancelled.get()) {
                throw new InterruptedException("cancelled");
            }
            slots.acquire();
        } catch (InterruptedException e) {
            notStarted(batch, index, config, e);
            return;
        }
        try {
            if (batch.cancelled.get()) {
                notStarted(batch, index, config, new InterruptedException("cancelled"));
                return;
            }
            RunResult result = runner.run(app, config, options, batch.secrets);
            batch.finish(index, new BatchItem(index, config.prompt(), result, null));
        } catch (RunFailedException failed) {
            batch.finish(index, new BatchItem(index, config.prompt(), failed.result(), null));
        } catch (FlyException e) {
            batch.finish(index, new BatchItem(index, config.prompt(), null, e));
        } catch (RuntimeException bug) {
            // Not a Fly or client failure: kept as it was raised, so it is not mistaken for one.
            LOG.error("Batch {}: run {} failed unexpectedly", batch.id, index, bug);
            batch.finish(index, new BatchItem(index, config.prompt(), null, bug));
        } finally {
            slots.release();
        }
    }

    /** A run the batch's cancel kept from starting. */
    private static void notStarted(Batch batch, int index, AgentConfig config, InterruptedException cancelled) {
        batch.finish(
                index,
                new BatchItem(
                        index,
                        config.prompt(),
                        null,
                        new FlyInterruptedException("the batch was cancelled before this run started", cancelled)));
    }

    /** Cancels every batch still running and waits for their cleanup. */
    @Override
    public void close() {
        for (Batch b : open) {
            b.cancel();
            b.await();
        }
    }

    /** One submitted batch: wait for it, or cancel it. */
    public final class Batch {
        private final String id;
        private final long started = System.nanoTime();
        private final AtomicReferenceArray<BatchItem> items;
        private final CountDownLatch done;
        private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final SecretScope secrets;
        private final AtomicInteger remaining;
        private final List<String> cleanupFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Batch(String id, int size, SecretScope secrets) {
            this.secrets = secrets;
            this.remaining = new AtomicInteger(size);
            this.id = id;
            this.items = new AtomicReferenceArray<>(size);
            this.done = new CountDownLatch(size);
        }

        /** The batch's id, also in each of its machines' metadata. */
        public String id() {
            return id;
        }

        private void finish(int index, BatchItem item) {
            items.set(index, item);
            if (remaining.decrementAndGet() == 0) {
                // The last run, before the batch counts as done: no machine of the batch reads its secrets any more (a
                // failure is left to the reaper).
                secrets.release().forEach(e -> {
                    LOG.warn("Batch {}: {}", id, e.getMessage());
                    cleanupFailures.add(e.getMessage());
                });
            }
            done.countDown();
            if (done.getCount() == 0) {
                open.remove(this);
            }
        }

        /** Whether every run has ended (or been cancelled). */
        public boolean isDone() {
            return done.getCount() == 0;
        }

        /** Waits until every run has ended (or been cancelled) and returns them all. */
        public BatchResult await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            List<BatchItem> all = new ArrayList<>();
            for (int i = 0; i < items.length(); i++) {
                all.add(items.get(i));
            }
            return new BatchResult(id, all, Duration.ofNanos(System.nanoTime() - started), cleanupFailures);
        }

        /** Interrupts the batch's runs (their machines are destroyed) and starts none of those still waiting. */
        public void cancel() {
            cancelled.set(true);
            threads.forEach(Thread::interrupt);
        }
    }
}

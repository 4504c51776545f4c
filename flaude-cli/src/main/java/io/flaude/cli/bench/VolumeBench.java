package io.flaude.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Runs create+get+list+destroy cycles on virtual threads and records each call's latency. */
final class VolumeBench {
    static final List<String> OPS = List.of("create", "get", "list", "destroy");

    /** What one variant measured, over all its rounds: latencies per operation and time spent. */
    static final class Tally {
        final Map<String, Latencies> latencies = new LinkedHashMap<>();
        private long nanos;
        private long requests;

        Tally(int capacity) {
            OPS.forEach(op -> latencies.put(op, new Latencies(capacity)));
        }

        double requestsPerSecond() {
            return requests / (nanos / 1e9);
        }
    }

    private VolumeBench() {}

    /** {@code workers} run {@code cycles} cycles in all, each on its own {@link VolumeOps}; adds to {@code tally}. */
    static void run(Supplier<VolumeOps> opsPerWorker, int cycles, int workers, Tally tally)
            throws InterruptedException {
        List<VolumeOps> all = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            all.add(opsPerWorker.get());
        }
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                VolumeOps ops = all.get(w);
                int share = cycles / workers + (w < cycles % workers ? 1 : 0);
                futures.add(pool.submit(() -> cycle(ops, share, tally.latencies)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "benchmark cycle failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            all.forEach(VolumeOps::close);
        }
        tally.nanos += System.nanoTime() - started;
        tally.requests += (long) cycles * OPS.size();
    }

    private static void cycle(VolumeOps ops, int count, Map<String, Latencies> latencies) {
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            String id = ops.create();
            long t1 = System.nanoTime();
            ops.get(id);
            long t2 = System.nanoTime();
            ops.list();
            long t3 = System.nanoTime();
            ops.destroy(id);
            long t4 = System.nanoTime();
            latencies.get("create").record(t1 - t0);
            latencies.get("get").record(t2 - t1);
            latencies.get("list").record(t3 - t2);
            latencies.get("destroy").record(t4 - t3);
        }
    }
}

package io.flaude.cli.chaos;

import io.flaude.agent.AgentConfig;
import io.flaude.agent.InMemorySessionStore;
import io.flaude.agent.RunOptions;
import io.flaude.agent.Runner;
import io.flaude.agent.Session;
import io.flaude.agent.SessionOptions;
import io.flaude.agent.SessionStore;
import io.flaude.agent.Sessions;
import io.flaude.agent.TurnOptions;
import io.flaude.cli.support.EmbeddedClient;
import io.flaude.emulator.FaultKind;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.Apps;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyException;
import io.flaude.fly.Machine;
import io.flaude.fly.MachineListOptions;
import io.flaude.fly.Machines;
import io.flaude.fly.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Sessions (create, two turns, destroy) and one-shot runs, many at once, against an emulator that
 * faults a share of all requests (seeded): 429s, 5xx, resets before and after the request is applied,
 * slow answers. Then, with the faults off, it checks what the product promises: nothing on Fly that
 * no live session record owns, nothing made twice, every failure a typed error; and after destroying
 * what is left, nothing at all.
 */
public final class ChaosRun {
    private static final String APP = "chaos";

    /**
     * What to run.
     *
     * @param faultRate  the share of requests faulted, spread evenly over the kinds
     * @param faultKinds per-kind rates instead, when not empty
     */
    public record Settings(
            int sessions, int runs, double faultRate, Map<FaultKind, Double> faultKinds, long seed, int concurrency) {}

    /**
     * What happened.
     *
     * @param operations      calls of the library made (creates, turns, destroys, runs)
     * @param succeeded       how many of them succeeded
     * @param typedFailures   the others, by exception type (all under FlyException)
     * @param untypedFailures failures that were not a FlyException (must be none)
     * @param injected        faults the emulator injected, by kind
     * @param retries         tries the client repeated
     * @param leftOwnerless   live machines, volumes and secrets no live session record owns, right after the work (must
     * be none)
     * @param duplicates      things made twice (must be none)
     * @param leftAtEnd       live machines and volumes after destroying every remaining session (must be none)
     */
    public record Report(
            int operations,
            int succeeded,
            Map<String, Integer> typedFailures,
            List<String> untypedFailures,
            Map<FaultKind, Long> injected,
            long retries,
            List<String> leftOwnerless,
            List<String> duplicates,
            List<String> leftAtEnd) {
        public boolean clean() {
            return untypedFailures.isEmpty() && leftOwnerless.isEmpty() && duplicates.isEmpty() && leftAtEnd.isEmpty();
        }
    }

    private final Map<String, Integer> typed = new ConcurrentHashMap<>();
    private final List<String> untyped = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger operations = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();

    private ChaosRun() {}

    public static Report run(Settings s) throws InterruptedException {
        return new ChaosRun().execute(s);
    }

    private Report execute(Settings s) throws InterruptedException {
        try (FlyEmulator emulator = FlyEmulator.builder()
                        .detachDelay(Duration.ofMillis(200))
                        .start();
                FlyClient fly = EmbeddedClient.builder(emulator).build()) {
            fly.apps().ensure(APP, Apps.DEFAULT_ORG);
            emulator.conditions().seed(s.seed());
            if (s.faultKinds().isEmpty()) {
                emulator.conditions().randomFaults(s.faultRate());
            } else {
                emulator.conditions().randomFaults(s.faultKinds());
            }
            SessionStore store = new InMemorySessionStore();
            Sessions sessions = new Sessions(fly, store, Duration.ofSeconds(10));
            try (sessions) {
                return work(s, emulator, fly, store, sessions);
            }
        }
    }

    private Report work(Settings s, FlyEmulator emulator, FlyClient fly, SessionStore store, Sessions sessions)
            throws InterruptedException {
        Semaphore slots = new Semaphore(s.concurrency());
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < s.sessions(); i++) {
                int n = i;
                work.add(pool.submit(() -> limited(slots, () -> sessionLife(sessions, n))));
            }
            for (int i = 0; i < s.runs(); i++) {
                int n = i;
                work.add(pool.submit(() -> limited(slots, () -> oneRun(fly, n))));
            }
        }
        Map<FaultKind, Long> injected = emulator.conditions().injected();
        emulator.conditions().randomFaults(Map.of());
        List<String> ownerless = ownerless(fly, store);
        List<String> duplicates = duplicates(fly);
        // What a failed destroy left is the reaper's job; it must leave nothing at all.
        for (Session left : store.list()) {
            try {
                sessions.destroy(left);
            } catch (FlyException e) {
                // the reap below tries again
            }
        }
        sessions.reap(APP, Duration.ZERO);
        return new Report(
                operations.get(),
                succeeded.get(),
                new TreeMap<>(typed),
                List.copyOf(untyped),
                injected,
                fly.metrics().retries(),
                ownerless,
                duplicates,
                emulator.liveResources());
    }

    private void sessionLife(Sessions sessions, int n) {
        Session s = call(() -> sessions.create(
                        APP,
                        config("session " + n + " remembers " + n),
                        SessionOptions.DEFAULTS.withTurnTimeout(Duration.ofMinutes(2)))
                .session());
        if (s == null) {
            return;
        }
        for (int turn = 2; turn <= 3; turn++) {
            int t = turn;
            call(() ->
                    sessions.turn(s.sessionId(), TurnOptions.prompt("turn " + t).withTimeout(Duration.ofMinutes(2))));
        }
        call(() -> {
            sessions.destroy(s.sessionId());
            return null;
        });
    }

    private void oneRun(FlyClient fly, int n) {
        call(() ->
                new Runner(fly).run(APP, config("run " + n), RunOptions.DEFAULTS.withTimeout(Duration.ofMinutes(2))));
    }

    private static AgentConfig config(String prompt) {
        return AgentConfig.builder()
                .claudeToken("sk-ant-oat-chaos-token")
                .prompt(prompt)
                .env(Map.of("FLAUDE_EMULATOR_SLEEP_MS", "50"))
                .build();
    }

    /** One library call: counted, and its failure sorted into typed (a FlyException) or not. */
    private <T> T call(Supplier<T> work) {
        operations.incrementAndGet();
        try {
            T result = work.get();
            succeeded.incrementAndGet();
            return result;
        } catch (FlyException e) {
            typed.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        } catch (RuntimeException e) {
            untyped.add(e.toString());
        }
        return null;
    }

    private static void limited(Semaphore slots, Runnable work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            work.run();
        } finally {
            slots.release();
        }
    }

    /** Live machines, volumes and flaude secrets that no live session record owns. */
    private static List<String> ownerless(FlyClient fly, SessionStore store) {
        Set<String> owned = store.list().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.machineId(), s.volumeId()))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> left = new ArrayList<>();
        fly.machines(APP).list().stream()
                .filter(m -> !m.isGone() && !owned.contains(m.id()))
                .forEach(m -> left.add("machine " + m.id() + " (" + m.stateAsString() + ")"));
        fly.volumes(APP).list(io.flaude.fly.VolumeListOptions.LIVE).stream()
                .filter(v -> !owned.contains(v.id()))
                .forEach(v -> left.add("volume " + v.id() + " " + v.name()));
        // A recorded session's secrets are its own; a run's must be gone once it ended (docs/image.md).
        Set<String> sessionSecrets = store.list().stream()
                .map(s -> Sessions.secretNamePrefix(s.sessionId()))
                .collect(Collectors.toSet());
        fly.secrets(APP).list().stream()
                .map(io.flaude.fly.AppSecret::name)
                .filter(n -> n.startsWith("FLAUDE_") && sessionSecrets.stream().noneMatch(n::startsWith))
                .forEach(n -> left.add("secret " + n));
        return left;
    }

    /** Machines made twice by one create, two machines for one session, two volumes for one session. */
    private static List<String> duplicates(FlyClient fly) {
        List<Machine> all = fly.machines(APP).list(MachineListOptions.DEFAULT.includingDeleted());
        List<String> twice = new ArrayList<>();
        count(all, m -> m.metadata(Machines.CREATE_ID).orElse(null))
                .forEach((id, n) -> twice.add(n + " machines from create " + id));
        count(all, m -> m.metadata(AgentConfig.METADATA_SESSION_ID).orElse(null))
                .forEach((id, n) -> twice.add(n + " machines for session " + id));
        List<Volume> volumes = fly.volumes(APP).list();
        count(volumes, v -> v.name().startsWith(Sessions.VOLUME_PREFIX) ? v.name() : null)
                .forEach((name, n) -> twice.add(n + " volumes named " + name));
        return twice;
    }

    private static <T> Map<String, Long> count(List<T> items, java.util.function.Function<T, String> key) {
        return items.stream()
                .map(key)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}

package io.flaude.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scripted faults: the next requests matching a method and path glob get the given {@link Fault}s,
 * one each, in order; after that the route behaves normally again. A fault comes first, before
 * authentication, like a misbehaving proxy in front of the API. When several scripts match a request,
 * the oldest one with faults left is used, so scripting the same route twice queues the faults.
 */
public final class Faults {
    private record Script(RouteGlob route, Deque<Fault> next) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Script> scripts = new ArrayList<>();

    Faults() {}

    /**
     * Scripts the next matching requests.
     *
     * @param method the HTTP method, or {@code *} for any
     * @param pathGlob the path, where {@code *} matches one segment, e.g. {@code /v1/apps/*}{@code /volumes}
     * @param next the faults for the next requests, in order
     */
    public void script(String method, String pathGlob, Fault... next) {
        var script = new Script(new RouteGlob(method, pathGlob), new ArrayDeque<>(List.of(next)));
        if (script.next().isEmpty()) {
            return;
        }
        lock.lock();
        try {
            scripts.add(script);
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many scripted faults are left for requests matching exactly this method and glob (as scripted): zero
     * once the requests they were for have arrived, so a test knows a held request is being held now.
     */
    public int remaining(String method, String pathGlob) {
        var route = new RouteGlob(method, pathGlob);
        lock.lock();
        try {
            return scripts.stream()
                    .filter(s -> s.route().sameAs(route))
                    .mapToInt(s -> s.next().size())
                    .sum();
        } finally {
            lock.unlock();
        }
    }

    /** Drops every scripted fault not yet used. */
    public void clear() {
        lock.lock();
        try {
            scripts.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the fault for this request, or returns null when none is scripted. */
    Fault next(String method, String path) {
        lock.lock();
        try {
            for (var it = scripts.iterator(); it.hasNext(); ) {
                Script script = it.next();
                if (script.route().matches(method, path)) {
                    Fault fault = script.next().poll();
                    if (script.next().isEmpty()) {
                        it.remove();
                    }
                    return fault;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }
}

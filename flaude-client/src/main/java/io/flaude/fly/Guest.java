package io.flaude.fly;

/**
 * The size of a machine: a placement hint when creating a volume ({@code compute}), so Fly puts the
 * volume on a host that also has room for the machine that will mount it.
 *
 * @param cpuKind  {@code shared} or {@code performance}
 * @param cpus     number of CPUs
 * @param memoryMb memory in MB
 */
public record Guest(String cpuKind, int cpus, int memoryMb) {}

package io.flaude.fly;

/**
 * A machine created leased ({@link Machines#createLeased}), and the lease this client holds on it.
 *
 * @param machine the machine as the create answered
 * @param lease   the lease, held and refreshed until closed; {@code null} only when a create whose answer was
 *                lost left no lease to find again
 */
public record LeasedMachine(Machine machine, HeldLease lease) {}

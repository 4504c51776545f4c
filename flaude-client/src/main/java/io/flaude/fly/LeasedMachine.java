package io.flaude.fly;

/**
 * A machine created leased ({@link Machines#createLeased}), and the lease this client holds on it.
 *
 * @param machine the machine as the create answered
 * @param lease   the lease, held and refreshed until closed; {@code null} when the create's answer was lost
 *                and the machine found by its mark (the nonce went with the answer; the lease lapses by itself)
 */
public record LeasedMachine(Machine machine, HeldLease lease) {}

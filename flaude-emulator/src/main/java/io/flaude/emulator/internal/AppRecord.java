package io.flaude.emulator.internal;

/**
 * A stored app.
 *
 * @param seq creation order, used by list cursors
 * @param createdAtMillis epoch milliseconds, as Fly's app create answers
 * @param idempotencyKey the key it was created with, or null
 */
record AppRecord(
        long seq,
        String id,
        String name,
        String orgSlug,
        long createdAtMillis,
        String network,
        long internalNumericId,
        String idempotencyKey) {}

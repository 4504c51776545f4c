package io.flaude.fly;

/**
 * What one {@link FlyClient} has sent so far.
 *
 * @param requests    HTTP requests sent (every try counts)
 * @param retries     tries repeated after a failure (by the retry policy, or after a create's reconcile)
 * @param budgetWaits requests that waited for their turn in the rate budget instead of drawing a 429
 */
public record ClientMetrics(long requests, long retries, long budgetWaits) {}

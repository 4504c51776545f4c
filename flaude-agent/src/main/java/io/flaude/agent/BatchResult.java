package io.flaude.agent;

import java.time.Duration;
import java.util.List;

/**
 * A finished batch: every run, in the order given, and the totals.
 *
 * @param elapsed         from the batch's submission to its last run's end
 * @param cleanupFailures what could not be cleaned up once the last run ended (the batch's secrets, which
 *                        the reaper then unsets); empty when everything was
 */
public record BatchResult(String batchId, List<BatchItem> items, Duration elapsed, List<String> cleanupFailures) {
    public BatchResult {
        items = List.copyOf(items);
        cleanupFailures = List.copyOf(cleanupFailures);
    }

    public long succeeded() {
        return items.stream().filter(BatchItem::succeeded).count();
    }

    public long failed() {
        return items.size() - succeeded();
    }
}

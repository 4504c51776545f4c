package io.flaude.agent;

import java.time.Duration;
import java.util.List;

/**
 * A finished batch: every run, in the order given, and the totals.
 *
 * @param elapsed from the batch's submission to its last run's end
 */
public record BatchResult(String batchId, List<BatchItem> items, Duration elapsed) {
    public BatchResult {
        items = List.copyOf(items);
    }

    public long succeeded() {
        return items.stream().filter(BatchItem::succeeded).count();
    }

    public long failed() {
        return items.size() - succeeded();
    }
}

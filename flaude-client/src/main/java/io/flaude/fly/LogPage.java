package io.flaude.fly;

import java.util.List;
import java.util.Objects;

/** Lines from Fly's logs API, and the position that continues after the last of them. */
public record LogPage(List<LogLine> lines, LogPosition next) {
    public LogPage {
        lines = List.copyOf(lines);
        Objects.requireNonNull(next, "next");
    }
}

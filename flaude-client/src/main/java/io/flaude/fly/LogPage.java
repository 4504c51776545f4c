package io.flaude.fly;

import java.util.List;

/** Lines from Fly's logs API, and the token that continues after the last of them. */
public record LogPage(List<LogLine> lines, String nextToken) {
    public LogPage {
        lines = List.copyOf(lines);
    }
}

package io.flaude.agent;

/** How Claude Code prints its answer ({@code claude -p --output-format ...}). */
public enum OutputFormat {
    TEXT("text"), JSON("json"), STREAM_JSON("stream-json");

    private final String wire;

    OutputFormat(String wire) {
        this.wire = wire;
    }

    /** The value of {@code FLAUDE_OUTPUT_FORMAT} and of Claude's flag. */
    public String wire() {
        return wire;
    }
}

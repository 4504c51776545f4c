package io.flaude.agent;

/** How Claude Code prints its answer ({@code claude -p --output-format ...}). */
public enum OutputFormat {
    TEXT("text"),
    JSON("json"),
    STREAM_JSON("stream-json");

    private final String wire;

    OutputFormat(String wire) {
        this.wire = wire;
    }

    /** The value of {@code FLAUDE_OUTPUT_FORMAT} and of Claude's flag. */
    public String wire() {
        return wire;
    }

    /** The format Claude's flag names ({@code stream-json}), or the constant's name ({@code STREAM_JSON}). */
    public static OutputFormat fromWire(String value) {
        for (OutputFormat f : values()) {
            if (f.wire.equalsIgnoreCase(value) || f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new io.flaude.fly.FlyValidationException(
                "invalid output format '" + value + "': use text, json or stream-json");
    }
}

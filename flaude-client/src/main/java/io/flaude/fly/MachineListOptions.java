package io.flaude.fly;

import java.util.Map;

/**
 * How to list machines. The default lists the machines that are not deleted, with every field, in as
 * many pages as the API sends.
 *
 * @param includeDeleted also list destroyed machines
 * @param metadata       only machines whose config metadata has these values (sent as {@code metadata.K=V})
 */
public record MachineListOptions(boolean includeDeleted, Map<String, String> metadata) {
    /** Machines that are not deleted. */
    public static final MachineListOptions DEFAULT = new MachineListOptions(false, Map.of());

    public MachineListOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Only machines whose metadata has {@code key=value}. */
    public static MachineListOptions withMetadata(String key, String value) {
        return new MachineListOptions(false, Map.of(key, value));
    }

    /** The same options, also listing destroyed machines. */
    public MachineListOptions includingDeleted() {
        return new MachineListOptions(true, metadata);
    }
}

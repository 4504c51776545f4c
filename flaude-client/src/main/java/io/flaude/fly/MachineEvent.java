package io.flaude.fly;

import java.time.Instant;

/**
 * One event in a machine's history, e.g. {@code launch}, {@code start}, {@code update}, {@code exit}.
 *
 * @param exitCode the process exit code of an exit event ({@code request.exit_event.exit_code}, or the
 *                 same under {@code request.monitor_event}), else {@code null}
 */
public record MachineEvent(String id, String type, String status, String source, Instant timestamp, Integer exitCode) {}

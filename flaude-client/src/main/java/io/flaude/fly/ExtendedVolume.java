package io.flaude.fly;

/**
 * The answer to an extend: the volume at its new size, and whether the machine using it must be
 * restarted before its filesystem sees the added space.
 */
public record ExtendedVolume(Volume volume, boolean needsRestart) {}

/**
 * The emulator's engine: routing, the in-memory Fly state and the JSON it renders. Nothing here is API;
 * the types that are {@code public} are so only for {@link io.flaude.emulator}, and may change at any time.
 */
package io.flaude.emulator.internal;

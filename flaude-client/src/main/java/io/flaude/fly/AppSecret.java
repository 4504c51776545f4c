package io.flaude.fly;

import java.time.Instant;

/**
 * One app secret as Fly lists it: its name and a digest of its value, never the value (Fly's vault
 * does not give it back).
 */
public record AppSecret(String name, String digest, Instant createdAt, Instant updatedAt) {}

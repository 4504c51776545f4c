package io.flaude.fly;

/**
 * A Fly app. Fields the API left out are {@code null} (counts are 0).
 *
 * @param status  e.g. {@code pending}, {@code deployed}, {@code suspended}
 * @param orgSlug the organization that owns the app
 */
public record App(
        String id, String name, String status, String orgSlug, int machineCount, int volumeCount, String network) {}

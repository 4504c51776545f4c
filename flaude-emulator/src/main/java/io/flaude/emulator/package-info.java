/**
 * A local, faithful fake of the Fly.io Machines API, served over real HTTP on loopback.
 *
 * <pre>{@code
 * try (FlyEmulator fly = FlyEmulator.start()) {
 *     URI base = fly.baseUri();          // point your client here; every route is under /v1
 *     String token = fly.token();        // any non-empty token works unless one was configured
 *     fly.faults().script("POST", "/v1/apps/my-app/volumes", Fault.rateLimited());
 *     // ... exercise your code ...
 *     fly.journal().matching("POST", "/v1/apps/my-app/volumes");
 * }
 * }</pre>
 *
 * Everything outside this package's public types lives in {@code io.flaude.emulator.internal} and is
 * not API.
 */
package io.flaude.emulator;

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
 *     fly.logLines("my-app", machineId);          // what a machine's simulated agent printed
 *     fly.volumeDirectory("my-app", volumeId);   // the real directory behind a volume
 * }
 * }</pre>
 *
 * Machines run a simulated flaude agent (no Claude, no container) that keeps the image's contract:
 * env in, session transcripts on the volume, {@code [flaude...]} lines and exit codes out. Its test
 * knobs are machine env variables: {@code FLAUDE_EMULATOR_EXIT=N}, {@code FLAUDE_EMULATOR_SLEEP_MS=N},
 * {@code FLAUDE_EMULATOR_CRASH=1} and {@code FLAUDE_EMULATOR_FAIL=1}.
 *
 * Everything outside this package's public types lives in {@code io.flaude.emulator.internal} and is
 * not API.
 */
package io.flaude.emulator;

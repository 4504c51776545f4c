package io.flaude.cli.support;

import io.flaude.fly.FlyValidationException;
import picocli.CommandLine.Option;

/** {@code -a/--app APP}, as in flyctl; falls back to env {@code FLY_APP}. */
public final class AppOption {
    @Option(
            names = {"-a", "--app"},
            paramLabel = "APP",
            description = "Fly app name (default: env FLY_APP).")
    String app;

    /** The app from the option or the environment, or a usage error naming both. */
    public String resolve(CliContext root) {
        String a = app != null ? app : root.env("FLY_APP");
        if (a == null) {
            throw new FlyValidationException("no app given: pass -a APP or set FLY_APP");
        }
        return a;
    }
}

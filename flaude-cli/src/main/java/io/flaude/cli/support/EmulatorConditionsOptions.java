package io.flaude.cli.support;

import io.flaude.emulator.FlyEmulator;
import io.flaude.emulator.Profile;
import io.flaude.fly.FlyValidationException;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How hard an emulator started by a command is: {@code --profile fly}, {@code --latency},
 * {@code --rate-limits}, {@code --faults}, {@code --seed}, {@code --retry-after}, {@code --log-lag},
 * {@code --stop-delay}. A mixin, so every
 * command that starts an emulator spells them the same.
 */
public final class EmulatorConditionsOptions {
    @Option(
            names = "--profile",
            paramLabel = "default|fly",
            description =
                    "fly: 20-80 ms per request and Fly's rate limits (1/s per action and machine or app, bursts of 3). "
                            + "Default: instant and unlimited.")
    String profile;

    @Option(
            names = "--latency",
            paramLabel = "DUR[..DUR]",
            description = "Latency added to every request, fixed (40ms) or drawn from a range (20ms..80ms).")
    String latency;

    @Option(names = "--rate-limits", negatable = true, description = "Enforce Fly's documented rate limits (HTTP 429).")
    Boolean rateLimits;

    @Option(
            names = "--faults",
            paramLabel = "RATE",
            description = "Fault this share of requests (0-1): 429, 500, 502, 503, resets before and after the request "
                    + "is applied, slow answers, drawn evenly.")
    Double faults;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the latency and fault draws (default 0).")
    Long seed;

    @Option(
            names = "--retry-after",
            paramLabel = "DUR",
            converter = DurationConverter.class,
            description = "Send Retry-After with every 429 (Fly sends none as far as anyone has seen).")
    Duration retryAfter;

    @Option(
            names = "--log-lag",
            paramLabel = "DUR",
            converter = DurationConverter.class,
            description = "A printed line shows in the logs API only this long after it was printed, as Fly's logs"
                    + " trail a machine (default: at once; Fly publishes no figure).")
    Duration logLag;

    @Option(
            names = "--stop-delay",
            paramLabel = "DUR",
            converter = DurationConverter.class,
            description = "A machine stays stopping this long after SIGTERM, as a process that shuts down gracefully"
                    + " keeps it (default: at once; Fly waits up to kill_timeout, 5 s by default).")
    Duration stopDelay;

    /** Applies the options to {@code builder}; a bad value is a usage error before anything starts. */
    public FlyEmulator.Builder applyTo(FlyEmulator.Builder builder) {
        if (profile != null) {
            builder.profile(profile(profile));
        }
        if (latency != null) {
            Duration[] range = latency(latency);
            builder.latency(range[0], range[1]);
        }
        if (rateLimits != null) {
            builder.rateLimits(rateLimits);
        }
        if (faults != null) {
            if (!(faults >= 0 && faults <= 1)) {
                throw new FlyValidationException("--faults is a share of requests from 0 to 1, got " + faults);
            }
            builder.randomFaults(faults);
        }
        if (seed != null) {
            builder.seed(seed);
        }
        if (retryAfter != null) {
            builder.retryAfter(retryAfter);
        }
        if (logLag != null) {
            builder.logLag(logLag);
        }
        if (stopDelay != null) {
            builder.stopDelay(stopDelay);
        }
        return builder;
    }

    /** One line saying what was set, or an empty string for the default. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (profile != null) {
            s.append(" profile ").append(profile.toLowerCase(Locale.ROOT));
        }
        if (latency != null) {
            s.append(" latency ").append(latency);
        }
        if (rateLimits != null) {
            s.append(rateLimits ? " rate-limits" : " no-rate-limits");
        }
        if (faults != null) {
            s.append(" faults ").append(faults).append(" seed ").append(seed == null ? 0 : seed);
        }
        if (logLag != null) {
            s.append(" log-lag ").append(logLag.toMillis()).append("ms");
        }
        if (stopDelay != null) {
            s.append(" stop-delay ").append(stopDelay.toMillis()).append("ms");
        }
        return s.toString().strip();
    }

    private static Profile profile(String name) {
        try {
            return Profile.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FlyValidationException("--profile is default or fly, got '" + name + "'");
        }
    }

    private static Duration[] latency(String value) {
        String[] parts = value.split("\\.\\.", -1);
        if (parts.length > 2) {
            throw new FlyValidationException(
                    "--latency is DUR or DUR..DUR (e.g. 40ms, 20ms..80ms), got '" + value + "'");
        }
        DurationConverter d = new DurationConverter();
        try {
            Duration min = d.convert(parts[0]);
            Duration max = parts.length == 2 ? d.convert(parts[1]) : min;
            if (max.compareTo(min) < 0) {
                throw new FlyValidationException("--latency " + value + ": the upper bound is below the lower one");
            }
            return new Duration[] {min, max};
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new FlyValidationException("--latency: " + e.getMessage());
        }
    }
}

package io.flaude.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the class its own started {@link FlyEmulator}, configured here, injected into
 * every {@code FlyEmulator} field of the test instance (and into {@code FlyEmulator} parameters),
 * and closed after the test. Delays are in milliseconds; a negative value keeps the emulator's default.
 *
 * <pre>{@code
 * @FlyEmulatorTest(detachDelayMs = 300, requireNothingLive = true)
 * class MyTest {
 *     FlyEmulator fly;   // injected before each test
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FlyEmulatorExtension.class)
public @interface FlyEmulatorTest {
    /** The one token the emulator accepts; empty: a random one ({@link FlyEmulator#token()}). */
    String token() default "";

    /** How long a snapshot takes to appear. */
    long snapshotDelayMs() default -1;

    /** How long a destroyed machine's volume stays bound (Fly: up to about a minute). */
    long detachDelayMs() default -1;

    /** How long an instance takes to exit after SIGTERM: the machine stays {@code stopping} that long. */
    long stopDelayMs() default -1;

    /** How long a fork stays {@code hydrating}. */
    long forkHydrationDelayMs() default -1;

    /** How long a volume restored from a snapshot stays {@code restoring}. */
    long restoreDelayMs() default -1;

    /**
     * Fail a test that passed but left a volume or machine not destroyed in its emulator
     * ({@link FlyEmulator#liveResources()}): the check that nothing leaks.
     */
    boolean requireNothingLive() default false;
}

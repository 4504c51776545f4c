package io.flaude.emulator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit Jupiter extension that gives each test its own started {@link FlyEmulator} and closes it
 * after the test. The emulator is injected into every non-static {@code FlyEmulator} field of the
 * test instance (outer instances of a {@code @Nested} test included) and into {@code FlyEmulator}
 * parameters of the test and its {@code @BeforeEach} methods, all the same instance. Register it
 * with {@link FlyEmulatorTest} (which also configures it) or {@code @ExtendWith(FlyEmulatorExtension.class)}.
 */
public final class FlyEmulatorExtension implements BeforeEachCallback, ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FlyEmulatorExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        FlyEmulator emulator = emulator(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getType() == FlyEmulator.class && !Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        f.set(instance, emulator);
                    }
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FlyEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FlyEmulator emulator = context.getStore(NAMESPACE).remove(FlyEmulator.class, FlyEmulator.class);
        if (emulator == null) {
            return;
        }
        try {
            List<String> live = emulator.liveResources();
            boolean check =
                    settings(context).map(FlyEmulatorTest::requireNothingLive).orElse(false);
            if (check && context.getExecutionException().isEmpty() && !live.isEmpty()) {
                throw new AssertionError("the test left " + live.size() + " live resource(s) in its emulator: " + live);
            }
        } finally {
            emulator.close();
        }
    }

    private static FlyEmulator emulator(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        FlyEmulator emulator = store.get(FlyEmulator.class, FlyEmulator.class);
        if (emulator == null) {
            emulator = configured(settings(context)).start();
            store.put(FlyEmulator.class, emulator);
        }
        return emulator;
    }

    private static Optional<FlyEmulatorTest> settings(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> {
            for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
                Optional<FlyEmulatorTest> found = AnnotationSupport.findAnnotation(k, FlyEmulatorTest.class);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        });
    }

    private static FlyEmulator.Builder configured(Optional<FlyEmulatorTest> settings) {
        FlyEmulator.Builder b = FlyEmulator.builder();
        settings.ifPresent(s -> {
            if (s.detachDelayMs() >= 0) {
                b.detachDelay(Duration.ofMillis(s.detachDelayMs()));
            }
            if (s.stopDelayMs() >= 0) {
                b.stopDelay(Duration.ofMillis(s.stopDelayMs()));
            }
            if (s.forkHydrationDelayMs() >= 0) {
                b.forkHydrationDelay(Duration.ofMillis(s.forkHydrationDelayMs()));
            }
            if (s.restoreDelayMs() >= 0) {
                b.restoreDelay(Duration.ofMillis(s.restoreDelayMs()));
            }
            if (s.snapshotDelayMs() >= 0) {
                b.snapshotDelay(Duration.ofMillis(s.snapshotDelayMs()));
            }
            if (!s.token().isEmpty()) {
                b.token(s.token());
            }
        });
        return b;
    }
}

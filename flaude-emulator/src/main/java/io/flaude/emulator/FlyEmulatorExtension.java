package io.flaude.emulator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that gives each test its own started {@link FlyEmulator} and closes it
 * after the test. Declare a {@code FlyEmulator} parameter on a test method (or on a
 * {@code @BeforeEach} method, which then gets the same instance as the test) and register the
 * extension with {@code @ExtendWith(FlyEmulatorExtension.class)}.
 */
public final class FlyEmulatorExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FlyEmulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FlyEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        FlyEmulator emulator = store.get(FlyEmulator.class, FlyEmulator.class);
        if (emulator == null) {
            emulator = FlyEmulator.start();
            store.put(FlyEmulator.class, emulator);
        }
        return emulator;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FlyEmulator emulator = context.getStore(NAMESPACE).remove(FlyEmulator.class, FlyEmulator.class);
        if (emulator != null) {
            emulator.close();
        }
    }
}

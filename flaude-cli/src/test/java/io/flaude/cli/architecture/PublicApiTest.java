package io.flaude.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public API of each library module, written down in {@code <module>/api/<module>.api} (as OkHttp
 * does) and compared on every build: a change to a public signature fails here until the listing is
 * regenerated ({@code ./test -Dflaude.api.update=true}) and the diff is reviewed with the change.
 * Against a published release, japicmp takes over from 0.1.0 on.
 */
class PublicApiTest {
    private static final String UPDATE = "flaude.api.update";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"flaude-client, io.flaude.fly", "flaude-agent, io.flaude.agent", "flaude-emulator, io.flaude.emulator"})
    void the_public_api_is_the_one_written_down(String module, String pkg) throws IOException {
        Path file = Path.of("..", module, "api", module + ".api");
        String actual = listing(pkg);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(Files.exists(file))
                .as("%s exists (create it with -D%s=true)", file, UPDATE)
                .isTrue();
        assertThat(actual)
                .as("the public API of %s; if the change is meant, regenerate %s with -D%s=true", module, file, UPDATE)
                .isEqualTo(Files.readString(file));
    }

    /** Every public type of the package and its public and protected members, one per line, sorted. */
    static String listing(String pkg) {
        StringBuilder out = new StringBuilder();
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(pkg).stream()
                        .filter(c -> c.getPackageName().equals(pkg) && visible(c))
                        .map(JavaClass::reflect)
                        .sorted((a, b) -> a.getName().compareTo(b.getName()))
                        .forEach(c -> {
                            out.append(type(c)).append(" {\n");
                            members(c).forEach(m -> out.append("    ").append(m).append('\n'));
                            out.append("}\n\n");
                        });
        return out.toString();
    }

    private static boolean visible(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isLocalClass();
    }

    private static String type(Class<?> c) {
        String kind = c.isAnnotation()
                ? "@interface"
                : c.isInterface() ? "interface" : c.isEnum() ? "enum" : c.isRecord() ? "record" : "class";
        int mods = c.getModifiers()
                & (c.isInterface() || c.isEnum() || c.isRecord()
                        ? Modifier.STATIC
                        : Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC);
        String prefix = Modifier.toString(mods);
        StringBuilder s = new StringBuilder(prefix.isEmpty() ? "" : prefix + " ")
                .append(kind)
                .append(' ')
                .append(c.getName());
        if (c.getGenericSuperclass() != null
                && !List.of(Object.class, Record.class, Enum.class).contains(c.getSuperclass())) {
            s.append(" extends ").append(c.getGenericSuperclass().getTypeName());
        }
        if (c.getGenericInterfaces().length > 0 && !c.isAnnotation()) {
            s.append(c.isInterface() ? " extends " : " implements ")
                    .append(String.join(
                            ", ",
                            Arrays.stream(c.getGenericInterfaces())
                                    .map(java.lang.reflect.Type::getTypeName)
                                    .toList()));
        }
        return s.toString();
    }

    private static List<String> members(Class<?> c) {
        List<Member> members = new ArrayList<>();
        members.addAll(Arrays.asList(c.getDeclaredConstructors()));
        members.addAll(Arrays.asList(c.getDeclaredMethods()));
        members.addAll(Arrays.asList(c.getDeclaredFields()));
        return members.stream()
                .filter(m -> !m.isSynthetic()
                        && (Modifier.isPublic(m.getModifiers())
                                || (Modifier.isProtected(m.getModifiers()) && !Modifier.isFinal(c.getModifiers()))))
                .filter(m -> !(m instanceof Method method && method.isBridge()))
                .map(PublicApiTest::signature)
                .sorted()
                .toList();
    }

    private static String signature(Member m) {
        return switch (m) {
            case Method method -> method.toGenericString();
            case Constructor<?> constructor -> constructor.toGenericString();
            case Field field -> field.toGenericString();
            default -> throw new IllegalArgumentException(m.toString());
        };
    }
}

package io.flaude.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules, checked on the compiled classes of every module (this module sees
 * them all): internals stay inside their module, value types never reach into internals, the
 * emulator and the client share nothing, and the CLI's packages form no cycle.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.flaude");

    /** Records, enums, exceptions and interfaces: what users hold, as opposed to the handles that do the work. */
    private static final DescribedPredicate<JavaClass> VALUE_TYPES = DescribedPredicate.describe(
            "records, enums, exceptions and interfaces",
            c -> c.isRecord() || c.isEnum() || c.isInterface() || c.isAssignableTo(Throwable.class));

    @Test
    void the_cli_uses_no_internal_class_of_any_library_module() {
        noClasses()
                .that()
                .resideInAPackage("io.flaude.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..internal..")
                .check(CLASSES);
    }

    @Test
    void the_agent_module_uses_only_the_public_api_of_the_client() {
        noClasses()
                .that()
                .resideInAPackage("io.flaude.agent..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.flaude.fly.internal..")
                .check(CLASSES);
    }

    @Test
    void public_value_types_never_depend_on_an_internal_package() {
        noClasses()
                .that()
                .resideInAnyPackage("io.flaude.fly", "io.flaude.agent", "io.flaude.emulator")
                .and(VALUE_TYPES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..internal..")
                .check(CLASSES);
    }

    @Test
    void the_emulator_shares_no_code_with_the_client_or_the_agent() {
        noClasses()
                .that()
                .resideInAPackage("io.flaude.emulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.flaude.fly..", "io.flaude.agent..", "io.flaude.cli..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage("io.flaude.fly..", "io.flaude.agent..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.flaude.emulator..")
                .check(CLASSES);
    }

    @Test
    void the_client_does_not_know_the_agent_module_or_the_cli() {
        noClasses()
                .that()
                .resideInAPackage("io.flaude.fly..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.flaude.agent..", "io.flaude.cli..")
                .check(CLASSES);
    }

    @Test
    void no_cli_subpackage_depends_on_the_root_package() {
        noClasses()
                .that()
                .resideInAPackage("io.flaude.cli.(*)..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.flaude.cli")
                .check(CLASSES);
    }

    @Test
    void the_cli_subpackages_form_no_cycle() {
        slices().matching("io.flaude.cli.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}

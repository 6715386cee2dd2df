package io.nioredis;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The package layering of core, kept by test so it survives the next hundred commands: dependencies point
 * one way (commands -> clients, pub/sub, transactions -> store, values -> codec and text), no two packages
 * depend on each other, and the Lua engine is reached only through the scripting package.
 */
class LayeringTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nioredis");

    /** Every package is its own slice, the root package included, so any cycle between two packages shows. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "every package of io.nioredis";
        }
    };

    @Test
    void seesTheWholeOfCore() {
        assertThat(CORE.containPackage("io.nioredis.command.string")).isTrue();
        assertThat(CORE.size()).isGreaterThan(200);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void codecAndTextDependOnNothingAbove() {
        noClasses().that().resideInAnyPackage("io.nioredis.resp..", "io.nioredis.text..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nioredis.store..", "io.nioredis.value..",
                        "io.nioredis.client..", "io.nioredis.command..", "io.nioredis.pubsub..", "io.nioredis.tx..",
                        "io.nioredis.evict..", "io.nioredis.config..")
                .check(CORE);
    }

    @Test
    void storeAndValuesKnowNoCommandsOrClients() {
        noClasses().that().resideInAnyPackage("io.nioredis.store..", "io.nioredis.value..", "io.nioredis.evict..",
                        "io.nioredis.rdb..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nioredis.command..", "io.nioredis.client..",
                        "io.nioredis.pubsub..", "io.nioredis.tx..", "io.nioredis.scripting..")
                .check(CORE);
    }

    @Test
    void onlyCommandsUseTheCommandLayer() {
        noClasses().that().resideOutsideOfPackage("io.nioredis.command..")
                .should().dependOnClassesThat().resideInAPackage("io.nioredis.command..")
                .check(CORE);
    }

    @Test
    void commandFamiliesDoNotReachTheTableBuilder() {
        noClasses().that().resideInAPackage("io.nioredis.command..")
                .and().resideOutsideOfPackage("io.nioredis.command.builtin..")
                .should().dependOnClassesThat().resideInAPackage("io.nioredis.command.builtin..")
                .check(CORE);
    }

    @Test
    void theLuaEngineStaysBehindTheScriptingPackage() {
        noClasses().that().resideOutsideOfPackage("io.nioredis.scripting..")
                .should().dependOnClassesThat().resideInAPackage("org.luaj..")
                .check(CORE);
    }
}

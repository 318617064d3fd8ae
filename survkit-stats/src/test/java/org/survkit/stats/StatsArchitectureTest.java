package org.survkit.stats;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of survkit-stats (STYLE.md), checked on the compiled main classes with ArchUnit: no I/O,
 * JSON or logging; the topic packages ({@code km}, {@code logrank}, {@code cox}, …, with the root
 * package and {@code internal} as two more) free of cycles; {@code internal} and the root package at
 * the bottom. That no other module uses {@code internal}, and that the modules depend downward only,
 * is checked where every module is on the classpath: survkit-web's {@code ArchitectureTest}.
 */
class StatsArchitectureTest {
    private static final String ROOT = "org.survkit.stats";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noIoJsonOrLogging() {
        // all of java.io, not only java.io.File*: nothing here uses it (javac's java.io.Serializable in the
        // stack-map frames of CoxData and ConcordanceIndex, the common type of a conditional, is no dependency)
        noClasses().that().resideInAPackage(ROOT + "..")
                .should().dependOnClassesThat(resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "com.fasterxml..", "org.slf4j..", "java.util.logging.."))
                .because("the statistics core computes on the arrays it is given: reading and writing files, JSON and"
                        + " logging belong to survkit-io, -report, -cli and -web (STYLE.md)")
                .check(classes);
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because("results carry Diagnostics; front ends print")
                .check(classes);
    }

    @Test
    void topicPackagesAreFreeOfCycles() {
        slices().assignedFrom(TOPICS).should().beFreeOfCycles().check(classes);
    }

    @Test
    void internalAndRootAreTheBottomLayers() {
        noClasses().that().resideInAPackage(ROOT + ".internal..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".internal.."))))
                .because("internal holds numerics every topic may use, so it can use none of them")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAnyPackage(ROOT, ROOT + ".internal.."))))
                .because("org.survkit.stats holds only what every topic shares (Diagnostic, ChiSquareTest, ...)")
                .check(classes);
    }

    /** One slice per package directly below org.survkit.stats (with its subpackages), and the root package. */
    private static final SliceAssignment TOPICS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(ROOT)) {
                return SliceIdentifier.of("org.survkit.stats");
            }
            if (!p.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(ROOT + "." + p.substring(ROOT.length() + 1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "the topic packages of survkit-stats";
        }
    };
}

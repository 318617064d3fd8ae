package org.survkit.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module picture of STYLE.md, checked with ArchUnit on every survkit class on this module's
 * classpath (survkit-web depends on all the other shipped modules; survkit-bench, on survkit-stats
 * only, is not among them): dependencies point downward only, and survkit-stats' {@code internal}
 * package is used by survkit-stats alone. A new module must be placed in the picture here before
 * its classes pass. The rules inside survkit-stats (no I/O, topic packages free of cycles) are
 * survkit-stats' {@code StatsArchitectureTest}.
 */
class ArchitectureTest {
    private static final String STATS = "org.survkit.stats..";
    private static final String IO = "org.survkit.io..";
    private static final String PLOT = "org.survkit.plot..";
    private static final String REPORT = "org.survkit.report..";
    private static final String CLI = "org.survkit.cli..";
    private static final String WEB = "org.survkit.web..";

    private static JavaClasses survkit;

    @BeforeAll
    static void importSurvkit() {
        survkit = new ClassFileImporter().importPackages("org.survkit");
    }

    @Test
    void modulesDependDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("stats").definedBy(STATS)
                .layer("io").definedBy(IO)
                .layer("plot").definedBy(PLOT)
                .layer("report").definedBy(REPORT)
                .layer("cli").definedBy(CLI)
                .layer("web").definedBy(WEB)
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("web")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "web")
                .whereLayer("plot").mayOnlyBeAccessedByLayers("report", "cli", "web")
                .whereLayer("io").mayOnlyBeAccessedByLayers("report", "cli", "web")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("plot", "report", "cli", "web")
                .because("modules depend downward only (STYLE.md): survkit-stats and survkit-io on no other survkit"
                        + " module, survkit-plot on stats, survkit-report on plot, io and stats, survkit-cli on"
                        + " report, plot, io and stats, survkit-web on all; move the code down, or the thing it needs"
                        + " up")
                .check(survkit);
    }

    @Test
    void statsInternalIsUsedByStatsAlone() {
        noClasses().that().resideOutsideOfPackage(STATS)
                .should().dependOnClassesThat().resideInAPackage("org.survkit.stats.internal..")
                .because("org.survkit.stats.internal is not part of survkit-stats' API: use the topic packages'"
                        + " public classes, or make what is needed part of a topic's API")
                .check(survkit);
    }

    @Test
    void everySurvkitClassIsInAModuleOfThePicture() {
        classes().that().resideInAPackage("org.survkit..")
                .should().resideInAnyPackage(STATS, IO, PLOT, REPORT, CLI, WEB)
                .because("a new module (or top-level package) must get its place in modulesDependDownwardOnly first")
                .check(survkit);
    }
}

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
    private static final String STUDY = "org.survkit.study..";
    private static final String REPORT = "org.survkit.report..";
    private static final String CLI = "org.survkit.cli..";
    private static final String WEB = "org.survkit.web..";
    /** survkit-spark: beside web on top of cli; not on web's class path (Spark stays out of the plain jar). */
    private static final String SPARK = "org.survkit.spark..";

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
                .layer("study").definedBy(STUDY)
                .layer("report").definedBy(REPORT)
                .layer("cli").definedBy(CLI)
                .layer("web").definedBy(WEB)
                .optionalLayer("spark").definedBy(SPARK) // empty here: survkit-spark is not on web's class path
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("spark").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("web", "spark")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "web", "spark")
                .whereLayer("study").mayOnlyBeAccessedByLayers("report", "cli", "web", "spark")
                .whereLayer("plot").mayOnlyBeAccessedByLayers("study", "report", "cli", "web", "spark")
                .whereLayer("io").mayOnlyBeAccessedByLayers("study", "report", "cli", "web", "spark")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("plot", "study", "report", "cli", "web", "spark")
                .because("modules depend downward only (STYLE.md): survkit-stats and survkit-io on no other survkit"
                        + " module, survkit-plot on stats, survkit-study (the study model) on plot, io and stats,"
                        + " survkit-report on study, plot, io and stats, survkit-cli on report and below, survkit-web"
                        + " on all, survkit-spark on cli and below; move the code down, or the thing it needs up")
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
                .should().resideInAnyPackage(STATS, IO, PLOT, STUDY, REPORT, CLI, WEB, SPARK)
                .because("a new module (or top-level package) must get its place in modulesDependDownwardOnly first")
                .check(survkit);
    }
}

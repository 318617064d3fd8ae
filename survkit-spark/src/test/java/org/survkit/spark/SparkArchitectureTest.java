package org.survkit.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * survkit-spark's place in ARCHITECTURE.md, checked on its compiled classes (survkit-web's ArchitectureTest cannot
 * see them: this module is not on the web's class path, so that Spark stays out of the plain jar): it uses
 * survkit-stats' public topics only, and nothing of survkit below it refers to it or to Spark.
 */
class SparkArchitectureTest {
    private static final JavaClasses SURVKIT = new ClassFileImporter().importPackages("org.survkit");

    @Test
    void sparkUsesTheStatsApiNotItsInternals() {
        noClasses().that().resideInAPackage("org.survkit.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.survkit.stats.internal..")
                .because("org.survkit.stats.internal is not part of survkit-stats' API")
                .check(SURVKIT);
    }

    @Test
    void nothingBelowDependsOnSparkOrOnThisModule() {
        noClasses().that().resideOutsideOfPackage("org.survkit.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.survkit.spark..", "org.apache.spark..")
                .because("Spark lives in survkit-spark only: the engines and the command line reach it through"
                        + " ClusterEngine and the aggregated-input entry points")
                .check(SURVKIT);
    }
}

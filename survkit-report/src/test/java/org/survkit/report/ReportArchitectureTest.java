package org.survkit.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of survkit-report (STYLE.md: study → analysis → tables → HTML), checked on the compiled main
 * classes with ArchUnit: the entry point ({@code org.survkit.report}) on top, then {@code office} (report.docx and
 * tables.xlsx from the page's content), {@code html}, {@code tables}
 * and {@code analysis}, each using only the packages below it; the analysis neither formats nor draws. (javac
 * copies compile-time constants such as {@code AnalysisDataset.CAUSE} into the classes that use them, so those
 * escape the check; every call, field, type and annotation is seen.) Where survkit-report sits among the modules
 * is survkit-web's {@code ArchitectureTest}.
 */
class ReportArchitectureTest {
    private static final String ROOT = "org.survkit.report";
    private static final String OFFICE = ROOT + ".office..";
    private static final String HTML = ROOT + ".html..";
    private static final String TABLES = ROOT + ".tables..";
    private static final String ANALYSIS = ROOT + ".analysis..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void packagesDependInOneDirection() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("entry").definedBy(ROOT)
                .layer("office").definedBy(OFFICE)
                .layer("html").definedBy(HTML)
                .layer("tables").definedBy(TABLES)
                .layer("analysis").definedBy(ANALYSIS)
                .whereLayer("entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("office").mayOnlyBeAccessedByLayers("entry")
                .whereLayer("html").mayOnlyBeAccessedByLayers("entry", "office")
                .whereLayer("tables").mayOnlyBeAccessedByLayers("entry", "html", "office")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("entry", "html", "office", "tables")
                .because("the report is study → analysis → tables → HTML (STYLE.md): the analysis knows nothing of"
                        + " tables or the page, the tables nothing of the page; move the code down, or the thing it"
                        + " needs up")
                .check(classes);
    }

    @Test
    void theAnalysisNeitherDrawsNorWritesJson() {
        noClasses().that().resideInAPackage(ANALYSIS)
                .should().dependOnClassesThat().resideInAnyPackage("org.survkit.plot..", "com.fasterxml..")
                .because("the analysis collects survkit-stats results; figures and the tables' JSON are laid out"
                        + " above it")
                .check(classes);
    }

    @Test
    void everyClassIsInAPackageOfThePicture() {
        classes().should().resideInAnyPackage(ROOT, OFFICE, HTML, TABLES, ANALYSIS)
                .because("a new package must get its place in packagesDependInOneDirection first")
                .check(classes);
    }

    @Test
    void everyPackageSaysWhatItHolds() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            packages.add(c.getPackageName());
        }
        assertThat(packages).containsExactly(ROOT, ROOT + ".analysis", ROOT + ".html", ROOT + ".office",
                ROOT + ".tables");
        for (String p : packages) {
            Path info = Path.of("src/main/java", p.replace('.', '/'), "package-info.java");
            assertThat(info).as("the package-info of " + p).isRegularFile();
        }
    }
}

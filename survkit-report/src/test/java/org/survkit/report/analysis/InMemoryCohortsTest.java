package org.survkit.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.io.Cohort;
import org.survkit.io.CohortReader;
import org.survkit.io.CohortSpec;
import org.survkit.io.Covariate;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;

/**
 * The analyses read their cohorts from the analysis dataset in memory; read back from the exported
 * {@code analysis.csv} with {@link CohortReader}, as the report did before, the same specs give equal cohorts:
 * the same rows, times, events, groups, strata, lines, exclusions with their first lines, covariates with their
 * types and levels, and warnings.
 */
class InMemoryCohortsTest {

    @TempDir
    Path dir;

    static Stream<Path> exampleStudies() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("../examples"))) {
            List<Path> studies = dirs.map(d -> d.resolve("study.yaml")).filter(Files::isRegularFile).sorted().toList();
            assertThat(studies).hasSizeGreaterThanOrEqualTo(5);
            return studies.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleStudies")
    void exampleStudiesReadTheCohortsOfTheirExport(Path studyFile) throws IOException {
        assertSameCohortsAsTheExport(StudyReader.read(studyFile).withOutput(dir.resolve("out")));
    }

    /** Cells the export quotes or spreads over lines, a text covariate, strata, competing risks coded in words. */
    @Test
    void awkwardCellsReadTheCohortsOfTheirExport() throws IOException {
        Files.writeString(dir.resolve("cohort.csv"), """
                id,start,last,status,er,her2,note,score,site,outcome
                1,2010-01-01,2011-01-01,dead,pos,neg,plain,1,bone,death
                2,2010-01-01,2017-01-01,dead,neg,neg,"comma, ""quote\""",2.5,liver,relapse
                3,2010-01-01,2015-01-01,alive,pos,pos,"two
                lines",NA,bone,alive
                4,2010-01-01,,alive,neg,neg,missing end,3,liver,alive
                5,2010-03-01,2015-03-01,DEAD,NA,neg,  spaced  ,x,bone,death
                6,2010-01-01,2012-06-30,alive,pos,pos,=cmd(),4,,relapse
                7,2010-01-01,2013-06-30,dead,pos,neg,"cr\r\nlf",5,liver,death
                8,2010-01-01,2014-06-30,dead,neg,neg,plain,6,bone,relapse
                """);
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {from: start, to: last, unit: months}
                event: {column: status, value: dead}
                groups:
                  name: "sub group"
                  rules:
                    - {label: "HR+", when: er == "pos" and her2 == "neg"}
                    - {label: "TN\\nline", when: er == "neg" and her2 == "neg"}
                  otherwise: "Other, with a comma"
                strata: site
                horizon: 60
                cox:
                  - {name: Text, covariates: [note]}
                  - {name: Mixed, covariates: ["sub group", score]}
                competing_risks:
                  column: outcome
                  censor_value: alive
                  causes: {death: "Death", relapse: "Relapse"}
                  finegray: [score]
                output: out
                """);
        Study study = StudyReader.read(dir.resolve("study.yaml"));
        StudyAnalysis a = assertSameCohortsAsTheExport(study);
        assertThat(a.cohort().strata()).isNotNull();
        assertThat(a.cox().get(0).cohort().covariate("note").isNumeric()).isFalse();
        assertThat(a.competing()).isNotNull();
    }

    /** Runs the analyses as the report does and compares each cohort with the export read back. */
    private static StudyAnalysis assertSameCohortsAsTheExport(Study study) throws IOException {
        AnalysisDataset d = AnalysisDataset.derive(study, DataTable.read(study.dataFile(), study.data().sheet(),
                new Missing(study.data().na())));
        Files.createDirectories(study.outputDir());
        d.write(d.file());
        StudyAnalysis a = StudyAnalysis.run(study, d);
        List<String> compared = new ArrayList<>();
        compare(d, a.cohort(), DatasetSpecs.survival(d), "survival", compared);
        compare(d, a.followUpCohort(), DatasetSpecs.followUp(d), "follow-up", compared);
        for (StudyAnalysis.CoxResult r : a.cox()) {
            compare(d, r.cohort(), DatasetSpecs.cox(d, r.spec()), "Cox model " + r.spec().name(), compared);
        }
        if (a.competing() != null) {
            compare(d, a.competing().cohort(), DatasetSpecs.competingRisks(d), "competing risks", compared);
            if (a.competing().fineGray() != null) {
                compare(d, a.competing().fineGray().cohort(), DatasetSpecs.fineGray(d), "Fine-Gray", compared);
            }
        }
        assertThat(compared).hasSize(2 + study.cox().size() + (study.competingRisks() == null ? 0
                : study.competingRisks().fineGray() == null ? 1 : 2));
        return a;
    }

    private static void compare(AnalysisDataset d, Cohort inMemory, CohortSpec spec, String what,
            List<String> compared) {
        Cohort fromExport = CohortReader.read(d.file(), spec);
        assertThat(inMemory).as(what).isEqualTo(fromExport);
        assertThat(inMemory.size()).as(what).isPositive();
        for (Covariate c : fromExport.covariates()) {
            // Covariate.equals compares the values; the levels (R's factor levels before na.omit) count too
            assertThat(inMemory.covariate(c.name()).levels()).as(what + ", " + c.name()).isEqualTo(c.levels());
        }
        compared.add(what);
    }
}

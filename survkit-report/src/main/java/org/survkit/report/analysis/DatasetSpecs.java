package org.survkit.report.analysis;

import org.survkit.study.Values;
import java.util.ArrayList;
import java.util.List;
import org.survkit.io.CohortSpec;
import org.survkit.study.Study;
import org.survkit.study.Study.CoxSpec;

/**
 * Which cohort each analysis reads from the {@link AnalysisDataset}: one survkit-io spec per analysis, naming the
 * derived columns that are its time and event, the group, the strata and the covariates, with the study's
 * missing-value codes. The analyses read these cohorts in memory; the same specs read the exported
 * {@code analysis.csv} give equal cohorts.
 */
final class DatasetSpecs {

    private DatasetSpecs() {
    }

    /** {@return Kaplan–Meier, the comparisons and Table 1: time and event censored at the horizon, group, strata} */
    static CohortSpec survival(AnalysisDataset d) {
        return events(d).time(AnalysisDataset.TIME).event(AnalysisDataset.EVENT);
    }

    /** {@return the median follow-up (reverse Kaplan–Meier) and the immortal-time check: the whole follow-up} */
    static CohortSpec followUp(AnalysisDataset d) {
        return events(d).time(AnalysisDataset.FOLLOWUP_TIME).event(AnalysisDataset.FOLLOWUP_EVENT);
    }

    private static CohortSpec events(AnalysisDataset d) {
        Study study = d.study();
        return rows(study, CohortSpec.builder().eventValue("1").naCodes(study.data().na()).group(d.groupColumn())
                .strata(study.strata()));
    }

    /** {@return the spec with the study's case weights and entry times, when it has them} */
    private static CohortSpec rows(Study study, CohortSpec spec) {
        return spec.weights(study.weights()).start(study.time().entry());
    }

    /**
     * {@return a Cox model: its covariates and offset (complete cases: a row without either is excluded and counted),
     * its cluster (a row without one is excluded), the study's strata}
     */
    static CohortSpec cox(AnalysisDataset d, CoxSpec spec) {
        Study study = d.study();
        List<String> columns = spec.covariates();
        if (spec.offset() != null && !columns.contains(spec.offset())) {
            columns = new ArrayList<>(columns);
            columns.add(spec.offset());
        }
        return rows(study, CohortSpec.builder().eventValue("1").naCodes(study.data().na()).time(AnalysisDataset.TIME)
                .event(AnalysisDataset.EVENT).covariates(columns).categorical(spec.categorical())
                .strata(study.strata()).cluster(spec.cluster()));
    }

    /**
     * {@return competing risks: the rows whose time, cause and group are known, with the study's entry times; the
     * censor value is the reader's event value (so that a missing main event does not matter) and the cause is read
     * as a covariate}
     */
    static CohortSpec competingRisks(AnalysisDataset d) {
        Study.CompetingRisks cr = d.study().competingRisks();
        return CohortSpec.builder().naCodes(d.study().data().na()).group(d.groupColumn()).strata(cr.strata())
                .time(AnalysisDataset.TIME).event(AnalysisDataset.CAUSE).eventValue(Values.given(cr.censorValue()))
                .covariates(List.of(AnalysisDataset.CAUSE)).start(d.study().time().entry());
    }

    /** {@return the Fine–Gray model's terms: the group first (as a factor) unless a term names it, then the study's} */
    static List<String> fineGrayTerms(AnalysisDataset d) {
        Study.FineGraySpec spec = d.study().competingRisks().fineGray();
        List<String> terms = new ArrayList<>();
        String g = d.groupColumn();
        if (g != null && spec.covariates().stream().noneMatch(t -> List.of(t.split(":")).stream().map(String::trim)
                .anyMatch(g::equals))) {
            terms.add(g);
        }
        terms.addAll(spec.covariates());
        return List.copyOf(terms);
    }

    /** {@return the Fine–Gray model: the cause and the terms' columns (complete cases), the group categorical} */
    static CohortSpec fineGray(AnalysisDataset d) {
        Study.CompetingRisks cr = d.study().competingRisks();
        List<String> categorical = new ArrayList<>(cr.fineGray().categorical());
        String g = d.groupColumn();
        if (g != null && !categorical.contains(g)) {
            categorical.add(g);
        }
        List<String> read = new ArrayList<>();
        read.add(AnalysisDataset.CAUSE);
        read.addAll(fineGrayTerms(d));
        return CohortSpec.builder().naCodes(d.study().data().na()).time(AnalysisDataset.TIME)
                .event(AnalysisDataset.CAUSE).eventValue(Values.given(cr.censorValue())).covariates(read)
                .categorical(categorical).start(d.study().time().entry());
    }
}

package org.survkit.cli;

import org.survkit.stats.PValueFormat;
import org.survkit.stats.logrank.HazardRatioMethod;
import org.survkit.study.Percent;
import org.survkit.study.Study;
import org.survkit.study.Summary;
import org.survkit.study.Table1Style;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Option;

/**
 * How the report prints what it computed: the P-value style and digits, the hazard ratios of the pairwise table and
 * Table 1's table-wide choices (the study keys {@code p_style}, {@code p_digits}, {@code comparisons.hazard_ratios},
 * {@code table1.p_values}, {@code table1.percent}, {@code table1.continuous}). Given with a study file, a flag
 * overrides the file's key; with a cohort file, it goes into the study.yaml written.
 */
public final class PresentationOptions {
    @Option(names = Flags.P_STYLE, paramLabel = "digits|nejm|ama|lancet")
    String pStyle;

    @Option(names = Flags.P_DIGITS, paramLabel = "N")
    String pDigits;

    @Option(names = Flags.HAZARD_RATIOS, paramLabel = "cox,mantel_haenszel,oe")
    String hazardRatios;

    @Option(names = Flags.TABLE1_P_VALUES, paramLabel = "yes|no")
    String table1PValues;

    @Option(names = Flags.TABLE1_PERCENT, paramLabel = "'n/N (%)'|'n (%)'")
    String table1Percent;

    @Option(names = Flags.TABLE1_CONTINUOUS, paramLabel = "mean_sd|median_iqr|auto")
    String table1Continuous;

    /**
     * @param s a study
     * @return the study with the choices given on the command line (the study's own where none is given)
     */
    Study apply(Study s) {
        Integer digits = FlagValues.parse(StudyKeys.P_DIGITS, pDigits);
        PValueFormat.Style style = FlagValues.parse(StudyKeys.P_STYLE, pStyle);
        Boolean p = FlagValues.parse(StudyKeys.TABLE1_P_VALUES, table1PValues);
        Percent percent = FlagValues.parse(StudyKeys.TABLE1_PERCENT, table1Percent);
        Summary continuous = FlagValues.parse(StudyKeys.TABLE1_CONTINUOUS, table1Continuous);
        java.util.List<HazardRatioMethod> hr = FlagValues.parse(StudyKeys.HAZARD_RATIOS, hazardRatios);
        Table1Style t = s.output().table1Style();
        Study out = s.withPresentation(digits == null ? s.output().pValueDigits() : digits, style == null ? s.output().pStyle() : style,
                new Table1Style(p == null ? t.pValues() : p, percent == null ? t.percent() : percent,
                        continuous == null ? t.continuous() : continuous));
        return hr == null ? out : out.withComparisons(out.comparisons().withHazardRatios(hr));
    }

    /** {@return the flags given, each with its value, for the command line recorded in study.yaml} */
    Object[][] given() {
        return new Object[][] {{Flags.P_STYLE, pStyle}, {Flags.P_DIGITS, pDigits},
            {Flags.HAZARD_RATIOS, hazardRatios}, {Flags.TABLE1_P_VALUES, table1PValues},
            {Flags.TABLE1_PERCENT, table1Percent}, {Flags.TABLE1_CONTINUOUS, table1Continuous}};
    }
}

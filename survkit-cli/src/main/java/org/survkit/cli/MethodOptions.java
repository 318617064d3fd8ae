package org.survkit.cli;

import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.preset.Preset;
import org.survkit.study.Estimates;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The curve options ({@link CurveOptions}) and {@code --median-rule}, for the commands that report medians. */
public final class MethodOptions {
    @Mixin
    CurveOptions curve;

    @Option(names = Flags.MEDIAN_RULE, paramLabel = "RULE")
    String medianRule;

    /** {@return the resolved estimates, with the times and RMST horizon given (each may be null)} */
    public Estimates estimates(double[] at, Double tau) {
        return curve.estimates(FlagValues.parse(StudyKeys.MEDIAN_RULE, medianRule), at, tau);
    }

    Preset preset() {
        return estimates(null, null).preset();
    }

    ConfidenceType confType() {
        return estimates(null, null).confType();
    }

    MedianRule medianRule() {
        return estimates(null, null).medianRule();
    }

    double confLevel() {
        return estimates(null, null).confLevel();
    }
}

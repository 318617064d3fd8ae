package org.survkit.cli;

import org.survkit.stats.km.MedianRule;
import org.survkit.study.Estimates;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How curves and their intervals are estimated: {@code --preset}, {@code --conf-type}, {@code --conf-level}. The
 * study model resolves them ({@link Estimates#resolve}): an option given wins, the preset supplies the rest.
 */
public final class CurveOptions {
    @Option(names = Flags.PRESET, paramLabel = "NAME")
    String preset;

    @Option(names = Flags.CONF_TYPE, paramLabel = "TYPE")
    String confType;

    @Mixin
    ConfLevelOption confLevel;

    /** {@return the resolved estimates, with the median rule, times and RMST horizon given (each may be null)} */
    public Estimates estimates(MedianRule medianRule, double[] at, Double tau) {
        return Estimates.resolve(FlagValues.parse(StudyKeys.PRESET, preset),
                FlagValues.parse(StudyKeys.CONF_TYPE, confType), confLevel.given(), medianRule, at, tau);
    }
}

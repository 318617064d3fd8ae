package org.survkit.cli;

import org.survkit.study.Comparisons;
import org.survkit.study.Estimates;
import org.survkit.study.Rmst;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import org.survkit.study.key.Where;
import picocli.CommandLine.Option;

/**
 * {@code survkit compare}'s options, bound to the study model's {@link Comparisons}: the test and its weights,
 * pairwise tests and their adjustment, the trend test, Prism's conservative statistic and RMST. On the command
 * line the switches are off until given, and RMST is compared only with {@code --rmst TAU}.
 */
public final class ComparisonOptions {
    @Option(names = Flags.TEST, paramLabel = "TEST")
    String test;

    @Option(names = Flags.RHO, paramLabel = "P")
    String rho;

    @Option(names = Flags.GAMMA, paramLabel = "Q")
    String gamma;

    @Option(names = Flags.PAIRWISE)
    boolean pairwise;

    @Option(names = Flags.ADJUST, paramLabel = "METHOD")
    String adjust;

    @Option(names = Flags.TREND)
    boolean trend;

    @Option(names = Flags.SCORES, paramLabel = "S", split = ",")
    java.util.List<String> scores;

    @Option(names = Flags.CONSERVATIVE)
    boolean conservative;

    @Option(names = "--rmst", paramLabel = "TAU",
            description = "Also compare restricted mean survival times up to TAU (difference and ratio, as survRM2),"
                    + " for each pair of groups: the summary to use when hazards are not proportional.")
    String rmst;

    /** {@return the RMST horizon of {@code --rmst TAU}, or null} */
    public Double tau() {
        return rmst == null ? null : StudyKeys.TAU.parse(rmst, Where.flag("--rmst"));
    }

    /** {@return the comparisons the flags ask for} */
    public Comparisons comparisons(Estimates estimates) {
        return Comparisons.resolve(estimates, FlagValues.parse(StudyKeys.TEST, test),
                FlagValues.parse(StudyKeys.RHO, rho), FlagValues.parse(StudyKeys.GAMMA, gamma), pairwise,
                FlagValues.parse(StudyKeys.ADJUST, adjust), trend,
                scores == null ? null : FlagValues.parse(StudyKeys.SCORES, String.join(",", scores)), conservative,
                rmst == null ? Rmst.NO : Rmst.YES, Where.COMMAND_LINE);
    }
}

package org.survkit.cli;

import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.preset.Preset;
import picocli.CommandLine.Option;

/** Methodological options shared by the analyses; a preset supplies the defaults. */
public final class MethodOptions {
    @Option(names = "--preset", paramLabel = "NAME",
            description = "Reproduce another package's defaults: survkit (default), r, prism, sas, lifelines.")
    String preset;

    @Option(names = "--conf-type", paramLabel = "TYPE",
            description = "Confidence interval transform: log-log (default), log (R's default) or plain.")
    String confType;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level. Default: ${DEFAULT-VALUE}.")
    double confLevel;

    @Option(names = "--median-rule", paramLabel = "RULE",
            description = "How the median is read at a flat 50%% stretch: r (default), midpoint (Prism), first (lifelines).")
    String medianRule;

    Preset preset() {
        return preset == null ? Preset.SURVKIT : Preset.parse(preset);
    }

    ConfidenceType confType() {
        return confType == null ? preset().confType() : ConfidenceType.parse(confType);
    }

    MedianRule medianRule() {
        return medianRule == null ? preset().medianRule() : MedianRule.parse(medianRule);
    }

    double confLevel() {
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new UsageException("--conf-level must be between 0 and 1 (e.g. 0.95), got " + confLevel + ".");
        }
        return confLevel;
    }
}

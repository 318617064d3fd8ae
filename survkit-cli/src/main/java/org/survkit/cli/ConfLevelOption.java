package org.survkit.cli;

import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Option;

/** {@code --conf-level}, the level of every confidence interval: one declaration for every command. */
public final class ConfLevelOption {
    @Option(names = Flags.CONF_LEVEL, paramLabel = "LEVEL")
    String text;

    /** {@return the level given, or the default (0.95)} */
    public double value() {
        return FlagValues.orDefault(StudyKeys.CONF_LEVEL, text);
    }

    /** {@return the level given, or null} */
    Double given() {
        return FlagValues.parse(StudyKeys.CONF_LEVEL, text);
    }
}

package org.survkit.cli;

import java.util.List;
import org.survkit.io.CohortSpec;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Option;

/**
 * How the cells of a cohort file are read, shared by every command that reads one ({@link CohortOptions} for the
 * analyses, {@link CheckCommand}): the sheet, missing-value codes, decimal mark, date format and the event column's
 * declared values. Each option is its study key's flag.
 */
public final class ReadingOptions {
    @Option(names = Flags.DATE_FORMAT, paramLabel = "PATTERN")
    String dateFormat;

    @Option(names = Flags.EVENT_VALUE, paramLabel = "V", split = ",")
    List<String> eventValues = List.of();

    @Option(names = Flags.CENSOR_VALUE, paramLabel = "V", split = ",")
    List<String> censorValues = List.of();

    @Option(names = Flags.DECIMAL, paramLabel = "MARK")
    String decimal;

    @Option(names = Flags.NA, paramLabel = "CODE", split = ",")
    List<String> na = List.of();

    @Option(names = Flags.SHEET, paramLabel = "NAME")
    String sheet;

    /** {@return the spec with these reading options} */
    CohortSpec applyTo(CohortSpec spec) {
        return spec.dateFormat(dateFormat).eventValues(eventValues).censorValues(censorValues)
                .decimal(FlagValues.parse(StudyKeys.DECIMAL, decimal)).naCodes(na).sheet(sheet);
    }
}

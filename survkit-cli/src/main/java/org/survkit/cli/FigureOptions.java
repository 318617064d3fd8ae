package org.survkit.cli;

import org.survkit.plot.LegendPosition;
import org.survkit.plot.LineTypes;
import org.survkit.study.Study;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Option;

/**
 * How the curves are drawn: {@code --line-types auto|solid|dashed} and {@code --legend inside|right|bottom|none}
 * (study keys {@code figures.line_types}, {@code figures.legend}); given on the command line, they override a study
 * file's.
 */
public final class FigureOptions {
    @Option(names = Flags.LINE_TYPES, paramLabel = "auto|solid|dashed")
    String lineTypes;

    @Option(names = Flags.LEGEND, paramLabel = "inside|right|bottom|none")
    String legend;

    /** {@return the study with the figure options given (those not given stay as the study has them)} */
    Study applyTo(Study study) {
        if (lineTypes == null && legend == null) {
            return study;
        }
        Study.Figures f = study.figures();
        LineTypes types = lineTypes == null ? f.lineTypes() : FlagValues.parse(StudyKeys.LINE_TYPES, lineTypes);
        LegendPosition position = legend == null ? f.legend() : FlagValues.parse(StudyKeys.LEGEND, legend);
        return study.withFigures(f.withLines(types, position));
    }
}

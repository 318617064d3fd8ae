package org.survkit.cli;

import java.util.ArrayList;
import java.util.List;
import org.survkit.study.Study;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Option;

/**
 * The report's figure options on the command line: how the curves are drawn ({@code --line-types auto|solid|dashed},
 * {@code --legend inside|right|bottom|none}) and the figure files ({@code --figure-formats}, {@code --figure-width},
 * {@code --figure-dpi}) — study keys {@code figures.line_types}, {@code figures.legend}, {@code figures.formats},
 * {@code figures.width_mm}, {@code figures.dpi}. A flag given overrides the study file's value.
 */
final class FigureOptions {
    @Option(names = Flags.LINE_TYPES, paramLabel = "auto|solid|dashed")
    String lineTypes;

    @Option(names = Flags.LEGEND, paramLabel = "inside|right|bottom|none")
    String legend;

    @Option(names = Flags.FIGURE_FORMATS, paramLabel = "LIST")
    String formats;

    @Option(names = Flags.FIGURE_WIDTH, paramLabel = "MM")
    String width;

    @Option(names = Flags.FIGURE_DPI, paramLabel = "DPI")
    String dpi;

    /** {@return the study with the figure options given (those not given stay as the study has them)} */
    Study applyTo(Study study) {
        Study.Figures f = study.figures();
        Study.Figures out = f;
        if (lineTypes != null || legend != null) {
            out = out.withLines(lineTypes == null ? f.lineTypes() : FlagValues.parse(StudyKeys.LINE_TYPES, lineTypes),
                    legend == null ? f.legend() : FlagValues.parse(StudyKeys.LEGEND, legend));
        }
        if (formats != null) {
            out = out.withFormats(FlagValues.parse(StudyKeys.FIGURE_FORMATS, formats));
        }
        if (width != null) {
            out = out.withWidthMm(FlagValues.parse(StudyKeys.FIGURE_WIDTH, width));
        }
        if (dpi != null) {
            out = out.withDpi(FlagValues.parse(StudyKeys.DPI, dpi));
        }
        return out == f ? study : study.withFigures(out);
    }

    /** {@return the figure-file flags given with their values, as they would be typed} */
    List<String[]> given() {
        List<String[]> out = new ArrayList<>();
        String[][] all = {{Flags.FIGURE_FORMATS, formats}, {Flags.FIGURE_WIDTH, width}, {Flags.FIGURE_DPI, dpi}};
        for (String[] g : all) {
            if (g[1] != null) {
                out.add(g);
            }
        }
        return out;
    }
}

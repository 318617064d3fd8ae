package org.survkit.cli;

import org.survkit.study.Study;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Option;

/**
 * The figure files of a report: formats, printed width and resolution (study keys {@code figures.formats},
 * {@code figures.width_mm}, {@code figures.dpi}); a flag given overrides the study file's value.
 */
final class FigureFileOptions {

    @Option(names = Flags.FIGURE_FORMATS, paramLabel = "LIST")
    String formats;

    @Option(names = Flags.FIGURE_WIDTH, paramLabel = "MM")
    String width;

    @Option(names = Flags.FIGURE_DPI, paramLabel = "DPI")
    String dpi;

    /** {@return the figure options with the flags given applied} */
    Study.Figures apply(Study.Figures f) {
        Study.Figures out = f;
        if (formats != null) {
            out = out.withFormats(FlagValues.parse(StudyKeys.FIGURE_FORMATS, formats));
        }
        if (width != null) {
            out = out.withWidthMm(FlagValues.parse(StudyKeys.FIGURE_WIDTH, width));
        }
        if (dpi != null) {
            out = out.withDpi(FlagValues.parse(StudyKeys.DPI, dpi));
        }
        return out;
    }

    /** {@return the flags given with their values, as they would be typed} */
    java.util.List<String[]> given() {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        String[][] all = {{Flags.FIGURE_FORMATS, formats}, {Flags.FIGURE_WIDTH, width}, {Flags.FIGURE_DPI, dpi}};
        for (String[] g : all) {
            if (g[1] != null) {
                out.add(g);
            }
        }
        return out;
    }
}

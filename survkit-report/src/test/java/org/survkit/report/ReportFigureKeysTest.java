package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.plot.CensorMark;
import org.survkit.plot.LegendPosition;
import org.survkit.plot.LineTypes;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;

/**
 * The figures of the three-group rapamycin example keep the groups apart in greyscale (the Okabe–Ito blue,
 * vermillion and green print as greys 0.37, 0.44 and 0.48, so line types are used), and the captions say what the
 * censoring marks and the line types mean.
 */
class ReportFigureKeysTest {

    @TempDir
    Path out;

    private Study rapamycin() {
        return StudyReader.read(ExampleStudiesTest.EXAMPLES.resolve("rapamycin-mbc/study.yaml")).withOutput(out);
    }

    private String html(Study s) throws IOException {
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(s);
        return Files.readString(r.html(), StandardCharsets.UTF_8);
    }

    @Test
    void defaultFiguresHaveLineTypesAndCaptionsExplainMarksAndLines() throws IOException {
        String html = html(rapamycin());
        assertThat(html).contains("+ marks censored patients. Line types: ER/PR+ HER2\u2212 solid, Triple positive"
                + " dashed, Triple negative dotted.");
        String km = Files.readString(out.resolve("figures/km_all.svg"), StandardCharsets.UTF_8);
        assertThat(dashArrays(km, "km-curve")).hasSize(3);
        // a pair keeps its groups' line types: Triple positive vs Triple negative is dashed and dotted
        assertThat(html).contains("Line types: Triple positive dashed, Triple negative dotted.");
    }

    @Test
    void solidLinesAndTicksAreSaidSo() throws IOException {
        Study s = rapamycin();
        Study.Figures f = s.figures();
        s = s.withFigures(new Study.Figures(f.confidenceBands(), f.medianLines(), CensorMark.TICK, f.riskTable(),
                f.scale(), f.formats(), f.dpi(), f.widthMm(), f.timeLabel(), f.colors(), LineTypes.SOLID, LegendPosition.NONE));
        String html = html(s);
        assertThat(html).contains("Vertical ticks mark censored patients.").doesNotContain("Line types:");
        String km = Files.readString(out.resolve("figures/km_all.svg"), StandardCharsets.UTF_8);
        assertThat(dashArrays(km, "km-curve")).containsExactly("solid");
        assertThat(km).contains("class=\"direct-label\"").doesNotContain("class=\"legend-label\"");
    }

    /** The distinct stroke-dasharray values ("solid" for none) of the elements of this class. */
    private static Set<String> dashArrays(String svg, String cls) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("<[a-z]+ class=\"" + cls + "\"[^>]*>").matcher(svg);
        while (m.find()) {
            Matcher d = Pattern.compile("stroke-dasharray=\"([^\"]*)\"").matcher(m.group());
            out.add(d.find() ? d.group(1) : "solid");
        }
        return out;
    }
}

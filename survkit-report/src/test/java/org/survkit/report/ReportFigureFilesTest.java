package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.study.file.StudyReader;

/**
 * The report writes each figure in each format the study asks for, at its width and resolution, and tells its
 * progress: R's lung data by ECOG, figures 85 mm wide as SVG, PNG, PDF, EPS and TIFF at 300 dpi.
 */
class ReportFigureFilesTest {

    @TempDir
    static Path dir;

    static ReportEngine.Result result;
    static final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void run() throws IOException {
        try (InputStream in = ReportFigureFilesTest.class.getResourceAsStream("/datasets/lung.csv")) {
            Files.copy(in, dir.resolve("lung.csv"));
        }
        Files.writeString(dir.resolve("study.yaml"), """
                data: lung.csv
                time: {column: time, unit: days}
                event: {column: status, value: 2}
                groups: {column: sex}
                figures: {formats: [svg, png, pdf, eps, tiff], width_mm: 85, dpi: 300}
                output: out
                """);
        result = ReportEngine.withDefaults().withProgress((step, done, total) -> progress.add(step + " " + done + "/"
                + total)).run(StudyReader.read(dir.resolve("study.yaml")));
    }

    @Test
    void everyFigureIsWrittenInEveryFormat() throws IOException {
        Path figures = result.outputDir().resolve("figures");
        for (String stem : List.of("flow", "km_all", "log_minus_log")) {
            for (String ext : List.of("svg", "png", "pdf", "eps", "tiff")) {
                assertThat(result.files()).contains("figures/" + stem + "." + ext);
                assertThat(figures.resolve(stem + "." + ext)).isNotEmptyFile();
            }
        }
        String svg = Files.readString(figures.resolve("km_all.svg"));
        assertThat(svg).contains("width=\"85mm\"");
        assertThat(new String(Files.readAllBytes(figures.resolve("km_all.pdf")), StandardCharsets.ISO_8859_1))
                .startsWith("%PDF-").contains("/FontFile2").doesNotContain("/Subtype /Image");
        String eps = new String(Files.readAllBytes(figures.resolve("km_all.eps")), StandardCharsets.ISO_8859_1);
        // 85 mm = 240.9 pt
        assertThat(eps).startsWith("%!PS-Adobe-3.0 EPSF-3.0").contains("%%BoundingBox: 0 0 241 ");
        try (ImageInputStream in = ImageIO.createImageInputStream(figures.resolve("km_all.tiff").toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("tiff").next();
            r.setInput(in);
            TIFFDirectory d = TIFFDirectory.createFromMetadata(r.getImageMetadata(0));
            assertThat(d.getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION).getAsInt(0))
                    .isEqualTo(BaselineTIFFTagSet.COMPRESSION_LZW);
            assertThat(d.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION).getAsRational(0)).containsExactly(300, 1);
            // 85 mm at 300 dpi = 1004 px
            assertThat(r.getWidth(0)).isEqualTo(1004);
        }
        String html = Files.readString(result.html());
        assertThat(html).contains("figures as SVG, PNG, PDF, EPS and TIFF, 85 mm wide, PNG and TIFF at 300 dpi");
    }

    @Test
    void progressCountsEveryConversion() {
        // three figures (flow, Kaplan–Meier, log(−log)) × three conversions (PNG+TIFF, PDF, EPS)
        assertThat(progress).startsWith("reading the data 0/1", "analyses 0/1").contains("figure files 0/9",
                "figure files 9/9");
        assertThat(progress.stream().filter(p -> p.startsWith("figure files")).count()).isEqualTo(10);
    }
}

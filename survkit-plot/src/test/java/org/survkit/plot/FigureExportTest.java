package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figure files: PDF and EPS are vector with their text in an embedded font, TIFF is LZW-compressed and records
 * its resolution, PNG and TIFF come from one rendering, and an 85 mm figure is the 170 mm design scaled so that its
 * text is 7 pt. PDF and EPS were also looked at through Ghostscript ({@code gs -sDEVICE=png16m}). Writes the files it checks into {@code target/figure-formats} to be looked at.
 */
class FigureExportTest {

    private static final Set<FigureFormat> ALL = EnumSet.allOf(FigureFormat.class);
    private static Map<FigureFormat, byte[]> files;
    private static String svg;

    @BeforeAll
    static void convert() throws IOException {
        svg = FigureSize.ofWidth(170).svg(Examples.lungBySex());
        files = FigureExport.convert(svg, ALL, 300);
        Path dir = Path.of("target/figure-formats");
        Files.createDirectories(dir);
        for (Map.Entry<FigureFormat, byte[]> e : files.entrySet()) {
            Files.write(dir.resolve("km-lung-170mm." + e.getKey().id()), e.getValue());
        }
        Map<FigureFormat, byte[]> narrow = FigureExport.convert(FigureSize.ofWidth(85).svg(Examples.lungBySex()),
                EnumSet.of(FigureFormat.SVG, FigureFormat.PNG, FigureFormat.PDF), 300);
        for (Map.Entry<FigureFormat, byte[]> e : narrow.entrySet()) {
            Files.write(dir.resolve("km-lung-85mm." + e.getKey().id()), e.getValue());
        }
    }

    @Test
    void pdfIsVectorWithItsTextInAnEmbeddedFont() {
        byte[] pdf = files.get(FigureFormat.PDF);
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF-");
        assertThat(raw).contains("/FontFile2").contains("LiberationSans").doesNotContain("/Subtype /Image");
        String content = inflatedStreams(pdf);
        // text objects with shown strings; the number-at-risk header is among the page's text
        assertThat(content).contains("BT").contains(" Tf").contains("TJ").contains("ET");
        // the page is the figure: 170 mm = 481.89 pt wide (FOP writes whole points)
        Matcher box = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(raw);
        assertThat(box.find()).isTrue();
        assertThat(Double.parseDouble(box.group(1))).isCloseTo(170 / 25.4 * 72, org.assertj.core.data.Offset.offset(
                0.5));
    }

    @Test
    void epsHasItsBoundingBoxInPointsAndItsTextAsOutlines() {
        String eps = new String(files.get(FigureFormat.EPS), StandardCharsets.ISO_8859_1);
        assertThat(eps).startsWith("%!PS-Adobe-3.0 EPSF-3.0");
        Matcher box = Pattern.compile("%%BoundingBox: 0 0 (\\d+) (\\d+)").matcher(eps);
        assertThat(box.find()).isTrue();
        double heightMm = heightMm(svg);
        // 170 mm = 481.9 pt; the box is in whole points
        assertThat(Integer.parseInt(box.group(1))).isEqualTo((int) Math.round(170 / 25.4 * 72));
        assertThat(Integer.parseInt(box.group(2))).isEqualTo((int) Math.round(heightMm / 25.4 * 72));
        // no font to embed or substitute: the glyphs are paths of quadratic curves (QT), which the step curves,
        // axes and marks do not use
        assertThat(eps).doesNotContain("CIDFont").doesNotContain("/FontType").doesNotContain("image");
        assertThat(Pattern.compile(" QT\n").matcher(eps).results().count()).isGreaterThan(500);
    }

    @Test
    void tiffIsLzwCompressedAndRecordsItsResolution() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(files.get(FigureFormat.TIFF)))) {
            ImageReader r = ImageIO.getImageReadersByFormatName("tiff").next();
            r.setInput(in);
            TIFFDirectory dir = TIFFDirectory.createFromMetadata(r.getImageMetadata(0));
            assertThat(dir.getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION).getAsInt(0))
                    .isEqualTo(BaselineTIFFTagSet.COMPRESSION_LZW);
            TIFFField x = dir.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION);
            assertThat(x.getAsRational(0)[0] / (double) x.getAsRational(0)[1]).isEqualTo(300);
            assertThat(dir.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT).getAsInt(0))
                    .isEqualTo(BaselineTIFFTagSet.RESOLUTION_UNIT_INCH);
            BufferedImage tiff = r.read(0);
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(files.get(FigureFormat.PNG)));
            // 170 mm at 300 dpi = 2008 px; both encode the same pixels
            assertThat(tiff.getWidth()).isEqualTo(2008);
            assertThat(png.getWidth()).isEqualTo(2008);
            assertThat(tiff.getHeight()).isEqualTo(png.getHeight());
            for (int y = 0; y < png.getHeight(); y += 37) {
                for (int xx = 0; xx < png.getWidth(); xx += 41) {
                    assertThat(tiff.getRGB(xx, y)).isEqualTo(png.getRGB(xx, y));
                }
            }
            // LZW on a figure (mostly white) is far smaller than the raw 3 bytes per pixel
            assertThat(files.get(FigureFormat.TIFF).length).isLessThan(2008 * png.getHeight() * 3 / 10);
        }
    }

    @Test
    void anEightyFiveMillimetreFigureIsTheDesignScaledToSevenPointText() throws IOException {
        FigureSize one = FigureSize.ofWidth(85);
        assertThat(one.scale()).isCloseTo(7.0 / 8.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(FigureSize.ofWidth(170).scale()).isEqualTo(1.0);
        String narrow = one.svg(Examples.lungBySex());
        SvgDoc doc = SvgDoc.parse(narrow);
        String width = doc.doc.getDocumentElement().getAttribute("width");
        assertThat(width).isEqualTo("85mm");
        // laid out on 85 / 0.875 = 97.14 mm: the view box is that width in points, so 8 user units print at 7 pt
        String[] box = doc.doc.getDocumentElement().getAttribute("viewBox").split(" ");
        assertThat(Double.parseDouble(box[2])).isCloseTo(97.142857 / 25.4 * 72, org.assertj.core.data.Offset.offset(
                0.01));
        double heightMm = heightMm(narrow);
        assertThat(heightMm * 72 / 25.4 / Double.parseDouble(box[3])).isCloseTo(0.875,
                org.assertj.core.data.Offset.offset(0.001));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(FigureExport.convert(narrow,
                List.of(FigureFormat.PNG), 300).get(FigureFormat.PNG)));
        assertThat(png.getWidth()).isEqualTo(1004);
        assertThatThrownBy(() -> FigureSize.ofWidth(40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("80 to 300 mm");
    }

    @Test
    void conversionsInParallelEachEmbedTheFont() throws Exception {
        // the report converts figures on several threads; FOP's font configuration must not be shared between them
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> pdfs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                pdfs.add(pool.submit(() -> FigureExport.convert(svg, List.of(FigureFormat.PDF), 300)
                        .get(FigureFormat.PDF)));
            }
            for (java.util.concurrent.Future<byte[]> f : pdfs) {
                assertThat(new String(f.get(), StandardCharsets.ISO_8859_1)).contains("/FontFile2")
                        .contains("LiberationSans");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rasterFormatsShareOneRendering() {
        assertThat(FigureExport.renderings(List.of(FigureFormat.TIFF, FigureFormat.SVG, FigureFormat.PNG,
                FigureFormat.PDF))).containsExactly(EnumSet.of(FigureFormat.PNG, FigureFormat.TIFF),
                        Set.of(FigureFormat.SVG), Set.of(FigureFormat.PDF));
        assertThat(FigureExport.renderings(List.of())).isEmpty();
    }

    private static double heightMm(String svg) {
        Matcher m = Pattern.compile("<svg[^>]*?\\sheight=\"([0-9.]+)mm\"").matcher(svg);
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Every Flate-compressed stream of a PDF, inflated and concatenated (the page's content among them). */
    private static String inflatedStreams(byte[] pdf) {
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("stream\r?\n").matcher(raw);
        while (m.find()) {
            int end = raw.indexOf("endstream", m.end());
            if (end < 0) {
                break;
            }
            Inflater inf = new Inflater();
            inf.setInput(pdf, m.end(), end - m.end());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                while (!inf.finished() && !inf.needsInput()) {
                    int n = inf.inflate(buf);
                    if (n == 0 && (inf.needsDictionary() || inf.needsInput())) {
                        break;
                    }
                    bytes.write(buf, 0, n);
                }
            } catch (DataFormatException e) {
                // not a Flate stream (a font subset may be stored otherwise): skip it
            } finally {
                inf.end();
            }
            out.append(bytes.toString(StandardCharsets.ISO_8859_1));
        }
        return out.toString();
    }
}

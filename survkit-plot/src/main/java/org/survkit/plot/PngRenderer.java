package org.survkit.plot;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * SVG to PNG with Apache Batik. The pixel size is the document's physical size (its
 * {@code width}/{@code height} in mm) at the requested resolution, e.g. 170 mm at 300 dpi =
 * 2008 px; Batik writes the resolution into the PNG's {@code pHYs} chunk. Text is drawn with the
 * fonts Java finds on the machine (first available family of the figure's font stack).
 */
public final class PngRenderer {

    private static final Pattern SIZE = Pattern.compile(
            "<svg[^>]*?\\swidth=\"([0-9.]+)mm\"[^>]*?\\sheight=\"([0-9.]+)mm\"");

    private PngRenderer() {
    }

    /** Pixels for {@code mm} millimetres at {@code dpi}. */
    public static int pixels(double mm, int dpi) {
        return (int) Math.round(mm / 25.4 * dpi);
    }

    /**
     * Renders an SVG document whose root gives {@code width} and {@code height} in millimetres.
     *
     * @param dpi 36 to 1200
     */
    public static byte[] render(String svg, int dpi) {
        if (dpi < 36 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be between 36 and 1200, not " + dpi);
        }
        Matcher m = SIZE.matcher(svg);
        if (!m.find()) {
            throw new IllegalArgumentException("the SVG root must give width and height in mm");
        }
        double widthMm = Double.parseDouble(m.group(1));
        double heightMm = Double.parseDouble(m.group(2));
        PNGTranscoder t = new PNGTranscoder();
        t.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) pixels(widthMm, dpi));
        t.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) pixels(heightMm, dpi));
        t.addTranscodingHint(PNGTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, (float) (25.4 / dpi));
        t.addTranscodingHint(PNGTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        TranscoderInput in = new TranscoderInput(new StringReader(svg));
        in.setURI("file:/survkit-figure.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        try {
            t.transcode(in, new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("Batik could not render the figure: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}

package org.survkit.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/**
 * A figure rasterised once, at a resolution, on white, by Apache Batik; then encoded as PNG and as TIFF from the same
 * pixels (the JDK's ImageIO writers: PNG with the resolution in {@code pHYs}, TIFF LZW-compressed with the resolution
 * in XResolution/YResolution and ResolutionUnit = inch). The pixel size is the document's size in millimetres at
 * the resolution (170 mm at 300 dpi = 2008 px).
 */
final class RasterFigure {

    private static final Pattern SIZE = Pattern.compile(
            "<svg[^>]*?\\swidth=\"([0-9.]+)mm\"[^>]*?\\sheight=\"([0-9.]+)mm\"");
    /**
     * The JDK writer's compression quality for Deflate level 1 (level = round(9 × (1 − quality))): on a figure, mostly
     * white with a few colours, level 1 makes files about 35% larger than level 5 (130 vs 96 KB for a 2008 px wide
     * Kaplan–Meier figure) in half the time; the encoding is most of a report's time with PNG files.
     */
    private static final float PNG_COMPRESSION_QUALITY = 8f / 9f;

    private final BufferedImage image;
    private final int dpi;

    private RasterFigure(BufferedImage image, int dpi) {
        this.image = image;
        this.dpi = dpi;
    }

    /**
     * Renders an SVG document whose root gives {@code width} and {@code height} in millimetres.
     *
     * @param dpi 36 to 1200
     */
    static RasterFigure render(String svg, int dpi) {
        if (dpi < 36 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be between 36 and 1200, not " + dpi);
        }
        Matcher m = SIZE.matcher(svg);
        if (!m.find()) {
            throw new IllegalArgumentException("the SVG root must give width and height in mm");
        }
        Capture t = new Capture();
        t.addTranscodingHint(ImageTranscoder.KEY_WIDTH, (float) pixels(Double.parseDouble(m.group(1)), dpi));
        t.addTranscodingHint(ImageTranscoder.KEY_HEIGHT, (float) pixels(Double.parseDouble(m.group(2)), dpi));
        t.addTranscodingHint(ImageTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, (float) (25.4 / dpi));
        t.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        TranscoderInput in = new TranscoderInput(new StringReader(svg));
        in.setURI("file:/survkit-figure.svg");
        try {
            t.transcode(in, new TranscoderOutput());
        } catch (TranscoderException e) {
            throw new IllegalStateException("Batik could not render the figure: " + e.getMessage(), e);
        }
        return new RasterFigure(t.image, dpi);
    }

    /** Pixels for {@code mm} millimetres at {@code dpi}. */
    static int pixels(double mm, int dpi) {
        return (int) Math.round(mm / 25.4 * dpi);
    }

    BufferedImage image() {
        return image;
    }

    byte[] encode(FigureFormat format) {
        return switch (format) {
            case PNG -> png();
            case TIFF -> tiff();
            default -> throw new IllegalArgumentException(format + " is not a raster format");
        };
    }

    /** The image as PNG, the resolution in pixels per metre in {@code pHYs}. */
    byte[] png() {
        ImageWriter w = writer("png");
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(PNG_COMPRESSION_QUALITY);
        IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), p);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(dpi / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", perMetre);
        phys.setAttribute("pixelsPerUnitYAxis", perMetre);
        phys.setAttribute("unitSpecifier", "meter");
        root.appendChild(phys);
        try {
            meta.mergeTree("javax_imageio_png_1.0", root);
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException(e);
        }
        return write(w, p, meta);
    }

    /** The image as TIFF, LZW-compressed, the resolution in dots per inch in its tags. */
    byte[] tiff() {
        ImageWriter w = writer("tiff");
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType("LZW");
        IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), p);
        TIFFDirectory dir;
        try {
            dir = TIFFDirectory.createFromMetadata(meta);
        } catch (javax.imageio.metadata.IIOInvalidTreeException e) {
            throw new IllegalStateException(e);
        }
        BaselineTIFFTagSet base = BaselineTIFFTagSet.getInstance();
        long[][] resolution = {{dpi, 1}};
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                resolution));
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                resolution));
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
        return write(w, p, dir.getAsMetadata());
    }

    private byte[] write(ImageWriter w, ImageWriteParam p, IIOMetadata meta) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new IIOImage(image, null, meta), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter writer(String format) {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
        if (!it.hasNext()) {
            throw new IllegalStateException("this Java has no " + format + " writer");
        }
        return it.next();
    }

    /** Batik's rendering, kept as pixels instead of written: RGB on the background colour. */
    private static final class Capture extends ImageTranscoder {
        private BufferedImage image;

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public void writeImage(BufferedImage img, TranscoderOutput output) {
            this.image = img;
        }
    }
}

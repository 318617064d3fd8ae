package org.survkit.plot;

import java.io.ByteArrayInputStream;
import java.awt.geom.Dimension2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.util.XMLResourceDescriptor;
import org.apache.xmlgraphics.java2d.GraphicContext;
import org.apache.xmlgraphics.java2d.ps.EPSDocumentGraphics2D;
import org.apache.batik.ext.awt.RenderingHintsKeyExt;
import org.w3c.dom.svg.SVGDocument;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.fop.configuration.ConfigurationException;
import org.apache.fop.configuration.DefaultConfigurationBuilder;
import org.apache.fop.svg.AbstractFOPTranscoder;
import org.apache.fop.svg.PDFTranscoder;

/**
 * A figure as a vector file: PDF by Apache FOP's transcoder (Batik's SVG painted on FOP's PDF graphics), EPS by
 * Batik's graphics tree painted on xmlgraphics-commons' EPS graphics. Text stays text, set in Liberation Sans (SIL Open Font License; metric-compatible with
 * Helvetica and Arial, whose widths the layouts use), which survkit ships and embeds as a subset in PDF; in EPS the
 * glyphs are drawn as outlines (see {@link #eps}). Every family of the figures' font stack maps to it, so the file looks the same on every
 * machine and no font has to be installed. The page is the figure's size ({@code width}/{@code height} in mm).
 */
final class VectorFigure {

    private static final String[][] FACES = {
        {"LiberationSans-Regular.ttf", "normal", "normal"},
        {"LiberationSans-Bold.ttf", "normal", "bold"},
        {"LiberationSans-Italic.ttf", "italic", "normal"},
        {"LiberationSans-BoldItalic.ttf", "italic", "bold"}};
    private static final String[] FAMILIES = {"Helvetica", "Arial", "Liberation Sans", "Nimbus Sans", "DejaVu Sans",
        "sans-serif", "any"};

    /**
     * FOP's font configuration as text. Parsed anew for each conversion: a parsed configuration is a Xerces DOM,
     * which expands lazily as it is read and so cannot be shared by the threads that convert figures in parallel.
     */
    private static final String FONTS = fonts();

    private VectorFigure() {
    }

    /** The figure as PDF, its text in embedded subsets of Liberation Sans. */
    static byte[] pdf(String svg) {
        return transcode(new PDFTranscoder(), svg);
    }

    /**
     * The figure as EPS, its text as outlines: Batik's graphics tree painted on xmlgraphics-commons' EPS graphics,
     * one user unit (a point of the layout) to one PostScript point times the figure's scale. Outlines rather than an
     * embedded font because FOP embeds TrueType fonts in PostScript as CID fonts that Ghostscript (so many journals'
     * pipelines) draws as empty boxes, while outlined glyphs print the same everywhere.
     */
    static byte[] eps(String svg) {
        UserAgentAdapter ua = new UserAgentAdapter() {
            @Override
            public float getPixelUnitToMillimeter() {
                return (float) (25.4 / 72); // one CSS pixel of the root's size = one point
            }
        };
        BridgeContext ctx = new BridgeContext(ua, new DocumentLoader(ua));
        ctx.setDynamicState(BridgeContext.STATIC);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
        try {
            SVGDocument doc = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName())
                    .createSVGDocument("file:/survkit-figure.svg", new StringReader(svg));
            GraphicsNode root = new GVTBuilder().build(ctx, doc);
            Dimension2D size = ctx.getDocumentSize();
            EPSDocumentGraphics2D g = new EPSDocumentGraphics2D(false);
            g.setGraphicContext(new GraphicContext());
            g.setupDocument(out, (int) Math.round(size.getWidth()), (int) Math.round(size.getHeight()));
            g.setRenderingHint(RenderingHintsKeyExt.KEY_TRANSCODING, RenderingHintsKeyExt.VALUE_TRANSCODING_VECTOR);
            root.paint(g);
            g.finish();
        } catch (IOException e) {
            throw new IllegalStateException("Batik could not convert the figure to EPS: " + e.getMessage(), e);
        } finally {
            ctx.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] transcode(AbstractFOPTranscoder t, String svg) {
        try {
            t.configure(new DefaultConfigurationBuilder().build(new ByteArrayInputStream(FONTS.getBytes(
                    StandardCharsets.UTF_8))));
        } catch (ConfigurationException e) {
            throw new IllegalStateException(e);
        }
        t.addTranscodingHint(AbstractFOPTranscoder.KEY_AUTO_FONTS, Boolean.FALSE);
        t.addTranscodingHint(AbstractFOPTranscoder.KEY_STROKE_TEXT, Boolean.FALSE);
        TranscoderInput in = new TranscoderInput(new StringReader(svg));
        in.setURI("file:/survkit-figure.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            t.transcode(in, new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("FOP could not convert the figure: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** FOP's font configuration: each face of Liberation Sans under every family name of the figures' stack. */
    private static String fonts() {
        StringBuilder xml = new StringBuilder("<fop><fonts>");
        for (String[] face : FACES) {
            URL url = VectorFigure.class.getResource("fonts/" + face[0]);
            if (url == null) {
                throw new IllegalStateException("the font " + face[0] + " is missing from survkit-plot");
            }
            try {
                xml.append("<font kerning=\"no\" embedding-mode=\"subset\" embed-url=\"")
                        .append(SvgWriter.escape(url.toURI().toString())).append("\">");
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            for (String family : FAMILIES) {
                xml.append("<font-triplet name=\"").append(family).append("\" style=\"").append(face[1])
                        .append("\" weight=\"").append(face[2]).append("\"/>");
            }
            xml.append("</font>");
        }
        xml.append("</fonts></fop>");
        return xml.toString();
    }
}

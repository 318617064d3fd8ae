package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class PngRendererTest {

    @Test
    void threeHundredDpiGivesThePrintPixelSize() throws IOException {
        KaplanMeierPlot plot = Examples.lungBySex();
        SvgDoc svg = SvgDoc.parse(plot.svg());
        double heightMm = Double.parseDouble(svg.doc.getDocumentElement().getAttribute("height").replace("mm", ""));
        byte[] png = plot.png(300);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        // 170 mm = 6.693 in; at 300 dpi 2008 px
        assertThat(img.getWidth()).isEqualTo(2008);
        assertThat(img.getHeight()).isEqualTo((int) Math.round(heightMm / 25.4 * 300));
        assertThat(physicalPixelsPerMetre(png)).isEqualTo(11811); // 300 / 0.0254
        // something is drawn: a curve pixel in the Okabe-Ito blue exists, the corner is white
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(countNear(img, 0x0072B2)).isGreaterThan(2000);
    }

    @Test
    void otherResolutionsScale() throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Examples.lungForest().png(150)));
        assertThat(img.getWidth()).isEqualTo(1004);
        BufferedImage narrow = ImageIO.read(new ByteArrayInputStream(Examples.lungBySex().withWidth(85).png(300)));
        assertThat(narrow.getWidth()).isEqualTo(1004);
        assertThatThrownBy(() -> Examples.lungBySex().png(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PngRenderer.render("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 300))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int countNear(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 1) {
            for (int x = 0; x < img.getWidth(); x += 1) {
                int p = img.getRGB(x, y);
                int dr = ((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF);
                int dg = ((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF);
                int db = (p & 0xFF) - (rgb & 0xFF);
                if (Math.abs(dr) + Math.abs(dg) + Math.abs(db) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int physicalPixelsPerMetre(byte[] png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader r = readers.next();
            r.setInput(in);
            IIOMetadata meta = r.getImageMetadata(0);
            Node root = meta.getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    return Integer.parseInt(((Element) n).getAttribute("pixelsPerUnitXAxis"));
                }
            }
            return -1;
        }
    }
}

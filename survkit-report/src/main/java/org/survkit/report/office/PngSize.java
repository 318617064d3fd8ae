package org.survkit.report.office;

/**
 * A PNG's size in pixels (its IHDR chunk) and its resolution (its pHYs chunk), read from the bytes: what the Word
 * document needs to place a figure at its physical size.
 */
final class PngSize {
    private static final double INCH_M = 0.0254;

    private PngSize() {
    }

    /** {@return width and height in pixels} */
    static int[] pixels(byte[] png) {
        if (png.length < 24 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("not a PNG image");
        }
        return new int[] {int32(png, 16), int32(png, 20)};
    }

    /** {@return the resolution in dots per inch the pHYs chunk records, or 0 without one} */
    static int dpi(byte[] png) {
        int at = 8;
        while (at + 8 <= png.length) {
            int length = int32(png, at);
            String type = new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("pHYs") && png[at + 16] == 1) { // unit: metre
                return (int) Math.round(int32(png, at + 8) * INCH_M);
            }
            if (type.equals("IDAT") || length < 0) {
                return 0;
            }
            at += 12 + length;
        }
        return 0;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}

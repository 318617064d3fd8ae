package org.survkit.plot;

/** An axis-aligned rectangle in figure points, for layout and collision tests ({@code x0 ≤ x1}, {@code y0 ≤ y1}). */
record Rect(double x0, double y0, double x1, double y1) {

    static Rect of(double xa, double ya, double xb, double yb) {
        return new Rect(Math.min(xa, xb), Math.min(ya, yb), Math.max(xa, xb), Math.max(ya, yb));
    }

    static Rect sized(double x, double y, double width, double height) {
        return new Rect(x, y, x + width, y + height);
    }

    double width() {
        return x1 - x0;
    }

    double height() {
        return y1 - y0;
    }

    Rect inflate(double d) {
        return new Rect(x0 - d, y0 - d, x1 + d, y1 + d);
    }

    boolean intersects(Rect o) {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    boolean contains(Rect o) {
        return o.x0 >= x0 - 1e-9 && o.x1 <= x1 + 1e-9 && o.y0 >= y0 - 1e-9 && o.y1 <= y1 + 1e-9;
    }
}

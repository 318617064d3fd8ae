package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A right-continuous step function drawn as an SVG path: the value {@code y[i]} holds from
 * {@code x[i]} to the next {@code x}, so the path runs horizontally at the old value to each
 * {@code x[i]}, then vertically to the new one. Rows past {@code xEnd} are left out and the last
 * horizontal piece ends at the smaller of the last {@code x} and {@code xEnd}; a NaN value ends
 * the path (e.g. log(−log S) where S reaches 0).
 */
final class StepPath {

    private final List<double[]> vertices = new ArrayList<>();

    private StepPath() {
    }

    /**
     * @param x0   where the path starts (data units)
     * @param y0   the value from {@code x0} to {@code x[0]}
     * @param x    jump times, increasing
     * @param y    values from each jump time on
     * @param xEnd last x drawn (the axis end or horizon)
     */
    static StepPath of(double x0, double y0, double[] x, double[] y, double xEnd, Scale sx, Scale sy) {
        StepPath p = new StepPath();
        double current = y0;
        double lastX = x0;
        p.vertices.add(new double[] {sx.map(x0), sy.map(y0)});
        for (int i = 0; i < x.length; i++) {
            if (x[i] > xEnd) {
                break;
            }
            if (x[i] > lastX) {
                p.vertices.add(new double[] {sx.map(x[i]), sy.map(current)});
            }
            lastX = Math.max(lastX, x[i]);
            if (Double.isNaN(y[i])) {
                return p;
            }
            if (y[i] != current) {
                p.vertices.add(new double[] {sx.map(x[i]), sy.map(y[i])});
                current = y[i];
            }
        }
        double end = x.length == 0 ? x0 : Math.min(x[x.length - 1], xEnd);
        if (end > lastX) {
            p.vertices.add(new double[] {sx.map(end), sy.map(current)});
        }
        return p;
    }

    /** The path data: {@code M x y} then alternating {@code H x} and {@code V y}. */
    String d() {
        StringBuilder b = new StringBuilder(vertices.size() * 9);
        double[] first = vertices.get(0);
        b.append('M').append(SvgWriter.num(first[0])).append(' ').append(SvgWriter.num(first[1]));
        for (int i = 1; i < vertices.size(); i++) {
            double[] prev = vertices.get(i - 1);
            double[] v = vertices.get(i);
            if (v[1] == prev[1]) {
                b.append('H').append(SvgWriter.num(v[0]));
            } else {
                b.append('V').append(SvgWriter.num(v[1]));
            }
        }
        return b.toString();
    }

    /** The segments as thin rectangles, inflated by {@code clearance}, for placing labels clear of the curve. */
    List<Rect> obstacles(double clearance) {
        List<Rect> out = new ArrayList<>(vertices.size());
        for (int i = 1; i < vertices.size(); i++) {
            double[] a = vertices.get(i - 1);
            double[] b = vertices.get(i);
            out.add(Rect.of(a[0], a[1], b[0], b[1]).inflate(clearance));
        }
        if (vertices.size() == 1) {
            double[] a = vertices.get(0);
            out.add(Rect.of(a[0], a[1], a[0], a[1]).inflate(clearance));
        }
        return out;
    }

    /** {@return the last vertex {x, y} in points: where the curve ends} */
    double[] end() {
        return vertices.get(vertices.size() - 1).clone();
    }

    int vertexCount() {
        return vertices.size();
    }
}

package org.survkit.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds a place for a block (legend, test result) inside a plot area where it covers no drawn
 * data. Curves, bands and marks are all axis-aligned (steps), so every obstacle is a rectangle.
 * The preferred corners are tried first, then a grid of positions ordered by distance from the
 * first preferred corner.
 */
final class Placement {

    /** Corners of the plot area. */
    enum Corner {
        TOP_RIGHT, TOP_LEFT, BOTTOM_LEFT, BOTTOM_RIGHT
    }

    private static final double GRID = 4;

    private Placement() {
    }

    /**
     * The top-left point of a free {@code width × height} block inside {@code area}, or empty.
     *
     * @param obstacles drawn things, already inflated by the clearance wanted
     */
    static Optional<double[]> find(Rect area, double width, double height, List<Rect> obstacles, List<Corner> preferred) {
        if (width > area.width() || height > area.height()) {
            return Optional.empty();
        }
        for (Corner c : preferred) {
            double[] p = corner(area, width, height, c);
            if (free(Rect.sized(p[0], p[1], width, height), obstacles)) {
                return Optional.of(p);
            }
        }
        double[] anchor = corner(area, width, height, preferred.isEmpty() ? Corner.TOP_RIGHT : preferred.get(0));
        List<double[]> grid = new ArrayList<>();
        for (double x = area.x0(); x + width <= area.x1() + 1e-9; x += GRID) {
            for (double y = area.y0(); y + height <= area.y1() + 1e-9; y += GRID) {
                grid.add(new double[] {x, y});
            }
        }
        grid.sort(Comparator.comparingDouble(p -> Math.hypot(p[0] - anchor[0], p[1] - anchor[1])));
        for (double[] p : grid) {
            if (free(Rect.sized(p[0], p[1], width, height), obstacles)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static double[] corner(Rect a, double w, double h, Corner c) {
        return switch (c) {
            case TOP_RIGHT -> new double[] {a.x1() - w, a.y0()};
            case TOP_LEFT -> new double[] {a.x0(), a.y0()};
            case BOTTOM_LEFT -> new double[] {a.x0(), a.y1() - h};
            case BOTTOM_RIGHT -> new double[] {a.x1() - w, a.y1() - h};
        };
    }

    private static boolean free(Rect r, List<Rect> obstacles) {
        for (Rect o : obstacles) {
            if (o.intersects(r)) {
                return false;
            }
        }
        return true;
    }
}

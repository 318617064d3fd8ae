package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A flow diagram of patients in the style of CONSORT and STROBE (von Elm et al., Lancet 2007, item 13): boxes down
 * a main column, each with its count ("Rows in cohort.csv (n = 120)" → "Eligible (n = 106)" → "Analysed
 * (n = 100)"), a box to the right of the column wherever rows leave it, titled with their count and listing every
 * reason with its count, and at the bottom one box per group.
 *
 * <pre>{@code
 * FlowDiagram f = FlowDiagram.start("Rows in cohort.csv", 120)
 *         .exclusion("Excluded by the eligibility criteria", List.of(new Count("younger than 18", 5),
 *                 new Count("metastatic disease at inclusion", 9)))
 *         .then("Eligible", 106)
 *         .exclusion("Excluded for missing or invalid data", List.of(new Count("missing end date", 6)))
 *         .then("Analysed", 100)
 *         .withGroups(List.of(new Count("A", 52, "#0072B2"), new Count("B", 48, "#D55E00")));
 * }</pre>
 *
 * <p>Nothing is shortened: long labels and reasons wrap inside their box (a word wider than the box is broken), and
 * the boxes grow to hold them. The figure lays out the counts it is given and checks nothing about them (an
 * exclusion box's count is the sum of its reasons). Immutable; {@code then}, {@code exclusion} and {@code with...}
 * return a new diagram.
 */
public final class FlowDiagram implements Figure {

    /**
     * A labelled count: a reason with the rows it excludes, or a group with its patients.
     *
     * @param label the text
     * @param n     the count, at least 0
     * @param color the box's accent colour ({@code #RRGGBB}) for a group, or null
     */
    public record Count(String label, int n, String color) {
        public Count {
            Objects.requireNonNull(label, "label");
            if (n < 0) {
                throw new IllegalArgumentException("a count is at least 0: " + n);
            }
            if (color != null) {
                new Palette(List.of(color)); // validates #RRGGBB
            }
        }

        /** A count without a colour. */
        public Count(String label, int n) {
            this(label, n, null);
        }
    }

    /** A box of the main column. */
    record Main(String label, int n) {
    }

    /** A box to the right of the main column: rows that leave it, per reason. */
    record Side(String title, List<Count> reasons) {
        int n() {
            return reasons.stream().mapToInt(Count::n).sum();
        }
    }

    private final List<Object> steps;
    private final List<Count> groups;
    private final double widthMm;
    private final String title;

    private FlowDiagram(List<Object> steps, List<Count> groups, double widthMm, String title) {
        this.steps = List.copyOf(steps);
        this.groups = List.copyOf(groups);
        this.widthMm = widthMm;
        this.title = title;
    }

    /**
     * The first box: where the rows come from.
     *
     * @param label e.g. "Rows in cohort.csv"
     * @param n     its rows
     */
    public static FlowDiagram start(String label, int n) {
        return new FlowDiagram(List.of(new Main(Objects.requireNonNull(label, "label"), check(n))), List.of(),
                Style.WIDTH_MM, null);
    }

    /**
     * The next box of the main column.
     *
     * @param label e.g. "Analysed"
     * @param n     its rows
     */
    public FlowDiagram then(String label, int n) {
        List<Object> s = new ArrayList<>(steps);
        s.add(new Main(Objects.requireNonNull(label, "label"), check(n)));
        return new FlowDiagram(s, groups, widthMm, title);
    }

    /**
     * A box to the right of the main column, between the last box and the next: the rows that leave, titled with
     * their total, one line per reason.
     *
     * @param title   e.g. "Excluded for missing or invalid data"
     * @param reasons the reasons with their counts, in the order shown
     */
    public FlowDiagram exclusion(String title, List<Count> reasons) {
        List<Object> s = new ArrayList<>(steps);
        s.add(new Side(Objects.requireNonNull(title, "title"), List.copyOf(reasons)));
        return new FlowDiagram(s, groups, widthMm, this.title);
    }

    /** {@return the diagram with one box per group under its last box (none: no group boxes)} */
    public FlowDiagram withGroups(List<Count> groups) {
        return new FlowDiagram(steps, groups, widthMm, title);
    }

    /** {@return the diagram at another width, in millimetres (default 170, a full-width figure)} */
    public FlowDiagram withWidth(double mm) {
        if (!(mm >= 80 && mm <= 400)) {
            throw new IllegalArgumentException("a flow diagram is 80 to 400 mm wide, not " + mm);
        }
        return new FlowDiagram(steps, groups, mm, title);
    }

    /** {@return the diagram with a bold title above it} */
    public FlowDiagram withTitle(String title) {
        return new FlowDiagram(steps, groups, widthMm, title);
    }

    @Override
    public String svg() {
        if (steps.get(steps.size() - 1) instanceof Side) {
            throw new IllegalStateException("a flow diagram ends with a box of the main column, not with exclusions");
        }
        return new FlowRenderer(steps, groups, widthMm * SvgWriter.PT_PER_MM, title).render();
    }

    private static int check(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count is at least 0: " + n);
        }
        return n;
    }
}

package org.survkit.plot;

import org.survkit.stats.PValueFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxModel;

/**
 * A forest plot of hazard ratios: one row per model term with its label, a square at the hazard
 * ratio and a line over its confidence interval on a logarithmic axis with a reference line at
 * 1, and the columns "HR (95% CI)" and "P" as text (e.g. {@code 0.58 (0.41–0.80)}, {@code 0.00149}).
 *
 * <p>Degrades as the model does: an aliased term (R's NA) gets its row with "aliased" and no
 * marker; an infinite or zero limit (monotone likelihood) and any limit beyond the axis end in an
 * arrow at the axis end; a hazard ratio beyond the axis has no square, only its arrow.
 *
 * <p>Immutable; every {@code with...} returns a new plot. Nothing is computed but positions: the
 * ratios, limits and p-values are the model's.
 */
public final class ForestPlot implements Figure {

    static final class Settings {
        String title;
        Map<String, String> labels = Map.of();
        double axisMin = Double.NaN;
        double axisMax = Double.NaN;
        String axisLabel;
        String lowerDirection;
        String upperDirection;
        MarkerSize markerSize = MarkerSize.FIXED;
        String color = "#1A1A1A";
        boolean stripes = true;
        String footnote;
        PValueFormat pFormat = PValueFormat.DEFAULT;
        String ratioName = "HR";
        double widthMm = Style.WIDTH_MM;

        Settings copy() {
            Settings s = new Settings();
            s.title = title;
            s.labels = labels;
            s.axisMin = axisMin;
            s.axisMax = axisMax;
            s.axisLabel = axisLabel;
            s.lowerDirection = lowerDirection;
            s.upperDirection = upperDirection;
            s.markerSize = markerSize;
            s.color = color;
            s.stripes = stripes;
            s.footnote = footnote;
            s.pFormat = pFormat;
            s.ratioName = ratioName;
            s.widthMm = widthMm;
            return s;
        }
    }

    private final List<CoxCoefficient> coefficients;
    private final double confLevel;
    private final Settings settings;

    private ForestPlot(List<CoxCoefficient> coefficients, double confLevel, Settings settings) {
        this.coefficients = coefficients;
        this.confLevel = confLevel;
        this.settings = settings;
    }

    /** One row per coefficient of the model, in model order; a footnote gives n, events and ties. */
    public static ForestPlot of(CoxModel model) {
        Objects.requireNonNull(model, "model");
        ForestPlot p = of(model.coefficients(), model.confLevel());
        String ties = model.ties().name().toLowerCase(Locale.ROOT);
        p.settings.footnote = "Cox proportional-hazards model, " + Character.toUpperCase(ties.charAt(0)) + ties.substring(1)
                + " ties; n = " + model.n() + ", " + model.events() + " events"
                + (model.robust() ? "; robust standard errors" : "") + ".";
        return p;
    }

    /** One row per coefficient, in order; {@code confLevel} (e.g. 0.95) names the interval in the header. */
    public static ForestPlot of(List<CoxCoefficient> coefficients, double confLevel) {
        Objects.requireNonNull(coefficients, "coefficients");
        if (coefficients.isEmpty()) {
            throw new IllegalArgumentException("a forest plot needs at least one coefficient");
        }
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new IllegalArgumentException("confLevel must lie in (0, 1), not " + confLevel);
        }
        return new ForestPlot(List.copyOf(coefficients), confLevel, new Settings());
    }

    private ForestPlot with(Consumer<Settings> change) {
        Settings s = settings.copy();
        change.accept(s);
        return new ForestPlot(coefficients, confLevel, s);
    }

    /** A title above the plot (none by default). */
    public ForestPlot withTitle(String title) {
        return with(s -> s.title = blankToNull(title));
    }

    /** Row labels by term (e.g. "sex" → "Female vs male"); other terms show their name. */
    public ForestPlot withLabels(Map<String, String> labels) {
        Map<String, String> copy = Map.copyOf(new LinkedHashMap<>(labels));
        return with(s -> s.labels = copy);
    }

    /** The axis range (both &gt; 0); default: the ticks around all limits and 1, within 0.01 to 100. */
    public ForestPlot withAxisRange(double min, double max) {
        if (!(min > 0) || !(max > min) || !Double.isFinite(max) || !(min < 1 && max > 1)) {
            throw new IllegalArgumentException("the axis range must satisfy 0 < min < 1 < max, not [" + min + ", " + max + "]");
        }
        return with(s -> {
            s.axisMin = min;
            s.axisMax = max;
        });
    }

    /** The axis title (default "Hazard ratio (log scale)"). */
    public ForestPlot withAxisLabel(String label) {
        return with(s -> s.axisLabel = blankToNull(label));
    }

    /** Labels under the axis either side of 1, e.g. ("Lower hazard", "Higher hazard"), drawn with arrows. */
    public ForestPlot withDirectionLabels(String belowOne, String aboveOne) {
        return with(s -> {
            s.lowerDirection = blankToNull(belowOne);
            s.upperDirection = blankToNull(aboveOne);
        });
    }

    /** The ratio's abbreviation in the column header (default "HR"; e.g. "SHR" for a Fine–Gray model). */
    public ForestPlot withRatioName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the ratio needs a name");
        }
        return with(s -> s.ratioName = name.strip());
    }

    /** How the p-values print (default {@link PValueFormat#DEFAULT}, three significant digits). */
    public ForestPlot with(PValueFormat format) {
        Objects.requireNonNull(format, "format");
        return with(s -> s.pFormat = format);
    }

    /** Square sizes (default {@link MarkerSize#FIXED}). */
    public ForestPlot with(MarkerSize size) {
        Objects.requireNonNull(size, "size");
        return with(s -> s.markerSize = size);
    }

    /** Colour of squares and lines, {@code #RRGGBB} (default near-black). */
    public ForestPlot withColor(String color) {
        String c = Palette.of(color).color(0);
        return with(s -> s.color = c);
    }

    /** Light shading on every other row (default on). */
    public ForestPlot withStripes(boolean on) {
        return with(s -> s.stripes = on);
    }

    /** A note under the plot (default from a model: model, ties, n, events); null for none. */
    public ForestPlot withFootnote(String note) {
        return with(s -> s.footnote = blankToNull(note));
    }

    /** Figure width in millimetres (default 170). */
    public ForestPlot withWidth(double mm) {
        if (!(mm >= 80) || mm > 500) {
            throw new IllegalArgumentException("width must be 80 to 500 mm, not " + mm);
        }
        return with(s -> s.widthMm = mm);
    }

    @Override
    public String svg() {
        return new ForestRenderer(coefficients, confLevel, settings).render();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "ForestPlot[terms=" + coefficients.stream().map(CoxCoefficient::term).toList() + "]";
    }
}

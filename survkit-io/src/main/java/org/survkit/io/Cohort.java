package org.survkit.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The analysable rows of an imported table, as parallel arrays in file order (ties are not merged here).
 *
 * <p><b>Arrays are shared, not copied</b>, because a cohort may hold 10<sup>7</sup> rows: the constructor keeps
 * the arrays it is given and the accessors return them as they are. Callers must not modify them.
 * {@link #equals(Object)} and {@link #hashCode()} compare array contents.
 *
 * @param source       the file the rows came from, as given to the reader
 * @param time         follow-up time per row, finite and ≥ 0 (in the file's unit, or in the
 *                     {@link TimeUnit} when computed from dates)
 * @param event        true where the event happened, false where the row is censored
 * @param group        trimmed group label per row, or null when no group column was chosen
 * @param strata       trimmed stratum label per row, or null when no strata column was chosen
 * @param line         the source line (text files: physical line where the record starts; Excel: the 1-based
 *                     sheet row, header = row 1 when it is the first row) of each row
 * @param rowsRead     data rows read from the file (header and blank lines not counted)
 * @param exclusions   rows left out, per reason; their counts add up to {@code rowsRead - size()}
 * @param warnings     things the user should know that did not stop the import (one sentence set each)
 * @param covariates   one entry per column named in {@link CohortSpec#covariates(List)} (interaction terms
 *                     {@code a:b} contribute their columns, each once), in order of first appearance
 *                     ({@link CohortSpec#covariateColumns()}); empty when no covariates were chosen
 * @param weights      case weight per row, finite and ≥ 0, or null when no weights column was chosen
 * @param cluster      trimmed cluster identifier per row, or null when no cluster column was chosen
 * @param start        entry time per row, finite, ≥ 0 and less than {@code time} (which is then the end of the
 *                     interval {@code (start, time]}), or null when no start column was chosen
 * @param eventCodes   the event column's coding table: every value found, what it was read as and in how many rows
 *                     (empty for a cohort not read from a table)
 * @param problems     the invalid values of rows excluded with {@link InvalidRows#EXCLUDE} (at most the first
 *                     1,000; each row's count is in {@link #exclusions()}); empty otherwise
 */
public record Cohort(String source, double[] time, boolean[] event, String[] group, String[] strata, int[] line,
                     int rowsRead, List<Exclusion> exclusions, List<String> warnings, List<Covariate> covariates,
                     double[] weights, String[] cluster, double[] start, List<EventCode> eventCodes,
                     List<Problem> problems) {

    /**
     * Checks that the arrays line up and the exclusions account for every row read; copies the lists, keeps the
     * arrays.
     *
     * @param source     the file the rows came from
     * @param time       follow-up times
     * @param event      event indicators
     * @param group      group labels, or null
     * @param strata     stratum labels, or null
     * @param line       source lines
     * @param rowsRead   data rows read
     * @param exclusions rows left out, per reason
     * @param warnings   warnings for the user
     * @param covariates covariate columns (none: empty)
     * @param weights    case weights, or null
     * @param cluster    cluster identifiers, or null
     * @param start      entry times, or null
     */
    public Cohort {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(line, "line");
        int n = time.length;
        if (event.length != n || line.length != n || group != null && group.length != n
                || strata != null && strata.length != n || weights != null && weights.length != n
                || cluster != null && cluster.length != n || start != null && start.length != n) {
            throw new IllegalArgumentException("time, event, group, strata, line, weights, cluster and start must "
                    + "have the same length");
        }
        exclusions = List.copyOf(exclusions);
        warnings = List.copyOf(warnings);
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        eventCodes = eventCodes == null ? List.of() : List.copyOf(eventCodes);
        problems = problems == null ? List.of() : List.copyOf(problems);
        for (Covariate c : covariates) {
            if (c.size() != n) {
                throw new IllegalArgumentException("covariate '" + c.name() + "' has " + c.size() + " rows, not " + n);
            }
        }
        int excluded = exclusions.stream().mapToInt(Exclusion::count).sum();
        if (rowsRead != n + excluded) {
            throw new IllegalArgumentException("rowsRead (" + rowsRead + ") must equal size (" + n
                    + ") plus excluded rows (" + excluded + ")");
        }
    }

    /**
     * Creates a cohort without a coding table or problems.
     *
     * @param source     the file the rows came from
     * @param time       follow-up times
     * @param event      event indicators
     * @param group      group labels, or null
     * @param strata     stratum labels, or null
     * @param line       source lines
     * @param rowsRead   data rows read
     * @param exclusions rows left out, per reason
     * @param warnings   warnings for the user
     * @param covariates covariate columns (none: empty)
     * @param weights    case weights, or null
     * @param cluster    cluster identifiers, or null
     * @param start      entry times, or null
     */
    public Cohort(String source, double[] time, boolean[] event, String[] group, String[] strata, int[] line,
                  int rowsRead, List<Exclusion> exclusions, List<String> warnings, List<Covariate> covariates,
                  double[] weights, String[] cluster, double[] start) {
        this(source, time, event, group, strata, line, rowsRead, exclusions, warnings, covariates, weights, cluster,
                start, List.of(), List.of());
    }

    /**
     * Creates a cohort without covariates, weights, cluster or start times.
     *
     * @param source     the file the rows came from
     * @param time       follow-up times
     * @param event      event indicators
     * @param group      group labels, or null
     * @param strata     stratum labels, or null
     * @param line       source lines
     * @param rowsRead   data rows read
     * @param exclusions rows left out, per reason
     * @param warnings   warnings for the user
     */
    public Cohort(String source, double[] time, boolean[] event, String[] group, String[] strata, int[] line,
                  int rowsRead, List<Exclusion> exclusions, List<String> warnings) {
        this(source, time, event, group, strata, line, rowsRead, exclusions, warnings, List.of(), null, null, null);
    }

    /**
     * Where a text covariate first holds a value that is not a number (with either decimal mark), for a message
     * about a column that must be numeric (an offset).
     *
     * @param name the column name
     * @param file the file whose lines {@link #line()} numbers, as the message names it
     * @return e.g. {@code ", e.g. 'n/a' on line 9 of cohort.csv"}, or "" when there is none (or the column is numeric)
     */
    public String firstNonNumber(String name, String file) {
        Covariate c = covariate(name);
        String[] text = c == null ? null : c.text();
        for (int i = 0; text != null && i < text.length; i++) {
            if (!LocalNumbers.isNumber(text[i])) {
                return ", e.g. '" + text[i].strip() + "' on line " + line[i] + " of " + file;
            }
        }
        return "";
    }

    /**
     * Finds a covariate column by name.
     *
     * @param name the column name, as in the header
     * @return the column, or null if it is not among {@link #covariates()}
     */
    public Covariate covariate(String name) {
        for (Covariate c : covariates) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Returns the number of analysable rows.
     *
     * @return the length of the arrays
     */
    public int size() {
        return time.length;
    }

    /**
     * Returns the number of rows read but left out of the analysis.
     *
     * @return {@code rowsRead() - size()}
     */
    public int rowsExcluded() {
        return rowsRead - time.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cohort c && source.equals(c.source) && rowsRead == c.rowsRead
                && Arrays.equals(time, c.time) && Arrays.equals(event, c.event) && Arrays.equals(group, c.group)
                && Arrays.equals(strata, c.strata) && Arrays.equals(line, c.line)
                && exclusions.equals(c.exclusions) && warnings.equals(c.warnings) && covariates.equals(c.covariates)
                && Arrays.equals(weights, c.weights) && Arrays.equals(cluster, c.cluster)
                && Arrays.equals(start, c.start) && eventCodes.equals(c.eventCodes) && problems.equals(c.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, rowsRead, Arrays.hashCode(time), Arrays.hashCode(event),
                Arrays.hashCode(group), Arrays.hashCode(strata), Arrays.hashCode(line), exclusions, warnings,
                covariates, Arrays.hashCode(weights), Arrays.hashCode(cluster), Arrays.hashCode(start), eventCodes, problems);
    }

    @Override
    public String toString() {
        return "Cohort[source=" + source + ", size=" + size() + ", rowsRead=" + rowsRead + ", group="
                + (group != null) + ", strata=" + (strata != null) + ", covariates="
                + covariates.stream().map(Covariate::name).toList() + ", weights=" + (weights != null) + ", cluster="
                + (cluster != null) + ", start=" + (start != null) + ", exclusions=" + exclusions + ", warnings="
                + warnings + "]";
    }

    /**
     * A landmark analysis at time {@code t}: keeps the rows still at risk after {@code t} (follow-up
     * time greater than t), measures their time from t, and counts the others as excluded ("event or
     * censoring at or before the landmark"), so that inclusion conditional on surviving to t no longer
     * biases the estimates (immortal time; Anderson, Cain &amp; Gelber 1983).
     *
     * @param t the landmark, ≥ 0, in the cohort's time unit
     * @return the landmarked cohort
     * @throws InputException for (start, stop] data, a negative landmark or when no row is left
     */
    public Cohort landmark(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new InputException("The landmark must be a time >= 0, got " + t + ".");
        }
        if (start != null) {
            throw new InputException("A landmark cannot be combined with " + OptionNames.START + " (start, stop] rows: "
                    + "split the rows at the landmark in the file instead.");
        }
        int n = time.length;
        int kept = 0;
        for (double v : time) {
            if (v > t) {
                kept++;
            }
        }
        int[] keep = new int[kept];
        List<Integer> firstLines = new java.util.ArrayList<>();
        for (int i = 0, k = 0; i < n; i++) {
            if (time[i] > t) {
                keep[k++] = i;
            } else if (firstLines.size() < 5) {
                firstLines.add(line[i]);
            }
        }
        if (kept == 0) {
            throw new InputException(source + ": no patient is still followed after the landmark " + t
                    + "; choose an earlier landmark.");
        }
        double[] nt = new double[kept];
        boolean[] ne = new boolean[kept];
        int[] nl = new int[kept];
        for (int k = 0; k < kept; k++) {
            nt[k] = time[keep[k]] - t;
            ne[k] = event[keep[k]];
            nl[k] = line[keep[k]];
        }
        Exclusion ex = n - kept == 0 ? null
                : new Exclusion("event or censoring at or before the landmark " + Texts.number(t), null, n - kept,
                        firstLines);
        return subset(keep, nt, ne, nl, null, ex);
    }

    /** {@return the rows {@code keep} with new times, events and entry times, and one more exclusion (or none)} */
    private Cohort subset(int[] keep, double[] nt, boolean[] ne, int[] nl, double[] nstart, Exclusion more) {
        List<Covariate> nc = new java.util.ArrayList<>();
        for (Covariate c : covariates) {
            nc.add(c.isNumeric() ? new Covariate(c.name(), pick(c.numeric(), keep), null)
                    : new Covariate(c.name(), null, pick(c.text(), keep), c.levels()));
        }
        List<Exclusion> ex = new java.util.ArrayList<>(exclusions);
        if (more != null) {
            ex.add(more);
        }
        return new Cohort(source, nt, ne, group == null ? null : pick(group, keep),
                strata == null ? null : pick(strata, keep), nl, rowsRead, ex, warnings, nc,
                weights == null ? null : pick(weights, keep), cluster == null ? null : pick(cluster, keep), nstart,
                eventCodes, problems);
    }

    /**
     * Administrative censoring at the horizon {@code h}, as the report's {@code horizon:} and R's
     * {@code Surv(pmin(time, h), status & time <= h)}: a follow-up time beyond {@code h} becomes {@code h} and
     * its row censored there; events after {@code h} are not counted. With (start, stop] rows, a row that enters
     * at or after {@code h} holds no follow-up before the horizon and is excluded with that reason. With a
     * landmark, call this on the landmarked cohort: the horizon then counts from the landmark.
     *
     * @param h the horizon, &gt; 0, in the cohort's time unit
     * @return the censored cohort (this cohort when no time exceeds {@code h})
     * @throws InputException for a horizon that is not a positive number, or when no row is left
     */
    public Cohort horizon(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new InputException("The horizon must be a time > 0, got " + Texts.number(h) + ".");
        }
        int n = time.length;
        int kept = 0;
        boolean beyond = false;
        for (int i = 0; i < n; i++) {
            if (start == null || start[i] < h) {
                kept++;
            }
            beyond |= time[i] > h;
        }
        if (!beyond) {
            return this;
        }
        if (kept == 0) {
            throw new InputException(source + ": every row enters follow-up at or after the horizon "
                    + Texts.number(h) + "; choose a later horizon.");
        }
        int[] keep = new int[kept];
        List<Integer> firstLines = new java.util.ArrayList<>();
        for (int i = 0, k = 0; i < n; i++) {
            if (start == null || start[i] < h) {
                keep[k++] = i;
            } else if (firstLines.size() < 5) {
                firstLines.add(line[i]);
            }
        }
        double[] nt = new double[kept];
        boolean[] ne = new boolean[kept];
        int[] nl = new int[kept];
        for (int k = 0; k < kept; k++) {
            int i = keep[k];
            nt[k] = Math.min(time[i], h);
            ne[k] = event[i] && time[i] <= h;
            nl[k] = line[i];
        }
        Exclusion ex = n - kept == 0 ? null
                : new Exclusion("entry at or after the horizon " + Texts.number(h), null, n - kept, firstLines);
        return subset(keep, nt, ne, nl, start == null ? null : pick(start, keep), ex);
    }

    private static double[] pick(double[] a, int[] keep) {
        double[] out = new double[keep.length];
        for (int k = 0; k < keep.length; k++) {
            out[k] = a[keep[k]];
        }
        return out;
    }

    private static String[] pick(String[] a, int[] keep) {
        String[] out = new String[keep.length];
        for (int k = 0; k < keep.length; k++) {
            out[k] = a[keep[k]];
        }
        return out;
    }
}

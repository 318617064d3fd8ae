package org.survkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.survkit.cli.output.Numbers;
import org.survkit.cli.output.OutputFormat;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.ReconstructResult;
import org.survkit.io.InputException;
import org.survkit.stats.reconstruct.DigitizedCurve;
import org.survkit.stats.reconstruct.IpdReconstruction;
import org.survkit.stats.reconstruct.ReconstructedIpd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit reconstruct}: individual patient data from a published Kaplan–Meier figure (digitized curve
 * points and the numbers at risk), by the algorithm of Guyot et al. (2012); see {@link IpdReconstruction}.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reconstruct individual patient data from a published Kaplan–Meier figure:",
            "digitized curve points and the numbers at risk printed under it",
            "(Guyot, Ades, Ouwens & Welton, BMC Med Res Methodol 2012;12:9).",
            "Writes one row per patient (group,time,event) for 'survkit km', 'compare', 'cox'."})
public final class ReconstructCommand implements Callable<Integer> {
    /** How the survival column is read. */
    enum Scale {
        /** Proportions unless the values are clearly percentages (largest above 1.5 and at most 100). */
        AUTO,
        /** Proportions 0–1. */
        PROPORTION,
        /** Percentages 0–100. */
        PERCENT
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--curve", paramLabel = "FILE", required = true,
            description = "Digitized curve points: columns time,survival[,group] (survival as 0-1, or 0-100 percent).")
    Path curve;

    @Option(names = "--at-risk", paramLabel = "FILE", required = true,
            description = "Numbers at risk under the figure: columns time,n_risk[,group]; the first at time 0.")
    Path atRisk;

    @Option(names = "--total-events", paramLabel = "N",
            description = "Reported total number of events: N (one curve) or GROUP=N,GROUP=N; pins down censoring"
                    + " after the last risk-table time.")
    String totalEvents;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the patients (CSV).")
    Path out;

    @Option(names = "--survival-scale", paramLabel = "SCALE", defaultValue = "auto",
            description = "auto (default: percent when clearly percent, and said so), proportion or percent.")
    Scale scale;

    @Option(names = "--time-noise", paramLabel = "F", defaultValue = "0.01",
            description = "Digitizing noise in time, as a fraction of the longest time. Default: ${DEFAULT-VALUE}.")
    double timeNoise;

    @Option(names = "--survival-noise", paramLabel = "S", defaultValue = "0.02",
            description = "Digitizing noise in survival, as a proportion. Default: ${DEFAULT-VALUE}.")
    double survivalNoise;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Summary on standard output: text (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        if (format == OutputFormat.CSV) {
            throw new UsageException("the patients are written as CSV to --out; the summary is --format text or json.");
        }
        if (!(timeNoise >= 0 && timeNoise < 1) || !(survivalNoise >= 0 && survivalNoise < 1)) {
            throw new UsageException("--time-noise and --survival-noise must be between 0 and 1 (e.g. 0.01 and 0.02).");
        }
        for (Path in : List.of(curve, atRisk)) {
            if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new UsageException("--out " + out + " is also an input file; it would be overwritten. Choose"
                        + " another name for the reconstructed patients, e.g. --out ipd.csv.");
            }
        }
        IpdReconstruction engine = IpdReconstruction.withDefaults().withNoiseTolerance(timeNoise, survivalNoise);
        DigitizedTable points = DigitizedTable.read(curve, "--curve", "survival",
                List.of("survival", "surv", "s", "y", "probability"));
        DigitizedTable risk = DigitizedTable.read(atRisk, "--at-risk", "n_risk",
                List.of("n_risk", "n.risk", "nrisk", "at_risk", "n_at_risk", "n", "y"));
        checkGroups(points, risk);
        Map<String, List<DigitizedTable.Row>> curves = points.byGroup();
        Map<String, List<DigitizedTable.Row>> tables = risk.byGroup();
        Map<String, Integer> totals = totals(curves.keySet().stream().toList());
        double divisor = scaleDivisor(points);
        List<String> general = new ArrayList<>();
        if (divisor == 100 && scale == Scale.AUTO) {
            general.add("survival in " + points.file + " read as percent (largest value "
                    + Numbers.text(points.rows.stream().mapToDouble(DigitizedTable.Row::value).max().orElse(0), 4)
                    + "): divided by 100. Use --survival-scale proportion if that is wrong.");
        }
        if (points.headerless) {
            general.add(points.file + " has no header: its two columns were read as time and survival.");
        }
        if (risk.headerless) {
            general.add(risk.file + " has no header: its two columns were read as time and n_risk.");
        }
        List<ReconstructResult.Group> results = new ArrayList<>();
        for (Map.Entry<String, List<DigitizedTable.Row>> e : curves.entrySet()) {
            results.add(group(engine, points, risk, e.getKey(), e.getValue(), tables.get(e.getKey()), divisor,
                    totals.get(e.getKey())));
        }
        ReconstructResult result = new ReconstructResult(curve.toString(), atRisk.toString(), out.toString(),
                divisor == 100, results, general);
        OutputOptions.write(out, Serializer.RECONSTRUCT.print(result, OutputFormat.CSV), "--out");
        OutputOptions.print(spec.commandLine().getOut(), Serializer.RECONSTRUCT.print(result, format));
        return ExitCodes.OK;
    }

    private void checkGroups(DigitizedTable points, DigitizedTable risk) {
        if (points.grouped != risk.grouped) {
            DigitizedTable with = points.grouped ? points : risk;
            DigitizedTable without = points.grouped ? risk : points;
            throw new InputException(without.file + " has no 'group' column but " + with.file + " has one (groups "
                    + String.join(", ", with.byGroup().keySet()) + "). Add the group column to " + without.file
                    + " (one curve or risk table per group), or remove it from " + with.file + ".");
        }
        for (String g : points.byGroup().keySet()) {
            if (!risk.byGroup().containsKey(g)) {
                throw new InputException(risk.file + " has no numbers at risk for group '" + g + "' (first on line "
                        + points.byGroup().get(g).get(0).line() + " of " + points.file + "); it has groups "
                        + String.join(", ", risk.byGroup().keySet()) + ". Add that group's risk table or correct the"
                        + " label so that both files use the same groups.");
            }
        }
        for (String g : risk.byGroup().keySet()) {
            if (!points.byGroup().containsKey(g)) {
                throw new InputException(points.file + " has no curve points for group '" + g + "' (line "
                        + risk.byGroup().get(g).get(0).line() + " of " + risk.file + "); it has groups "
                        + String.join(", ", points.byGroup().keySet()) + ". Digitize that curve or correct the label"
                        + " so that both files use the same groups.");
            }
        }
    }

    private Map<String, Integer> totals(List<String> groups) {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (totalEvents == null) {
            return m;
        }
        String spec0 = totalEvents.trim();
        if (!spec0.contains("=")) {
            if (groups.size() > 1) {
                throw new UsageException("--total-events " + spec0 + ": the figure has " + groups.size()
                        + " groups (" + String.join(", ", groups) + "); give one total per group, e.g. --total-events "
                        + groups.get(0) + "=N," + groups.get(1) + "=M.");
            }
            m.put(groups.get(0), count(spec0));
            return m;
        }
        for (String part : spec0.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq < 0) {
                throw new UsageException("--total-events: \"" + part + "\" is not GROUP=N, e.g. --total-events "
                        + groups.get(0) + "=112.");
            }
            String g = part.substring(0, eq).trim();
            if (!groups.contains(g)) {
                throw new UsageException("--total-events: no group '" + g + "' in the files (groups: "
                        + String.join(", ", groups) + ").");
            }
            m.put(g, count(part.substring(eq + 1)));
        }
        return m;
    }

    private static int count(String s) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--total-events: \"" + s.trim() + "\" is not a number of events (a whole number"
                    + " >= 0).");
        }
    }

    /** 1 for proportions, 100 for percentages; errors for values that are neither. */
    private double scaleDivisor(DigitizedTable points) {
        DigitizedTable.Row max = points.rows.stream().max(Comparator.comparingDouble(DigitizedTable.Row::value))
                .orElseThrow();
        double v = max.value();
        switch (scale) {
            case PROPORTION:
                return 1;
            case PERCENT:
                return 100;
            default:
                if (v <= 1 + survivalNoise) {
                    return 1;
                }
                if (v > 1.5 && v <= 100 * (1 + survivalNoise)) {
                    return 100;
                }
                throw new InputException(points.file + ", line " + max.line() + ", column 'survival': value "
                        + Numbers.text(v, 6) + " is neither a proportion (0-1) nor a percentage (0-100). Check the column,"
                        + " or say which it is with --survival-scale proportion|percent.");
        }
    }

    private ReconstructResult.Group group(IpdReconstruction engine, DigitizedTable points, DigitizedTable risk,
            String g, List<DigitizedTable.Row> pts, List<DigitizedTable.Row> rows, double divisor, Integer total) {
        String where = points.grouped ? " (group '" + g + "')" : "";
        List<String> notes = new ArrayList<>();
        int n = pts.size();
        double[] t = new double[n];
        double[] s = new double[n];
        double tmax = 0;
        for (int i = 0; i < n; i++) {
            t[i] = pts.get(i).time();
            s[i] = pts.get(i).value() / divisor;
            tmax = Math.max(tmax, t[i]);
        }
        double tol = timeNoise * tmax;
        for (int i = 0; i < n; i++) {
            DigitizedTable.Row r = pts.get(i);
            if (t[i] < -tol) {
                throw new InputException(points.file + ", line " + r.line() + ", column 'time': value "
                        + Numbers.text(t[i], 6)
                        + " is negative. Times are measured from the start of the curve (0); check the digitizer's"
                        + " axis calibration.");
            }
            if (s[i] < -survivalNoise || s[i] > 1 + survivalNoise) {
                throw new InputException(points.file + ", line " + r.line() + ", column 'survival': value "
                        + Numbers.text(r.value(), 6) + " is outside " + (divisor == 100 ? "0-100 %" : "0-1")
                        + ". Check the digitizer's axis calibration"
                        + (divisor == 1 ? " or use --survival-scale percent" : "") + ".");
            }
        }
        Optional<DigitizedCurve.RisingPoint> rise = engine.risingPoint(t, s);
        if (rise.isPresent()) {
            DigitizedTable.Row a = pts.get(rise.get().earlier());
            DigitizedTable.Row b = pts.get(rise.get().later());
            throw new InputException(points.file + where + ": the point on line " + b.line() + " (time "
                    + Numbers.text(b.time(), 6) + ", survival " + Numbers.text(b.value(), 4) + ") lies above the earlier point on"
                    + " line " + a.line() + " (time " + Numbers.text(a.time(), 6) + ", survival " + Numbers.text(a.value(), 4)
                    + ") by more than digitizing noise (" + Numbers.text(survivalNoise, 3) + " in survival, "
                    + Numbers.text(tol, 4) + " in time): a Kaplan–Meier curve never rises. Check that the file holds one"
                    + " curve per group (add a 'group' column if it holds several), that time and survival are not"
                    + " swapped, or widen --survival-noise / --time-noise if the figure is coarse.");
        }
        List<DigitizedTable.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(DigitizedTable.Row::time));
        List<Double> riskTime = new ArrayList<>();
        List<Integer> nRisk = new ArrayList<>();
        DigitizedTable.Row prev = null;
        boolean extended = false;
        for (DigitizedTable.Row r : sorted) {
            double v = r.value();
            if (v < 0 || v != Math.rint(v)) {
                throw new InputException(risk.file + ", line " + r.line() + ", column 'n_risk': value " + Numbers.text(v, 6)
                        + " is not a number of patients (a whole number >= 0). Copy the number at risk from the"
                        + " table under the figure.");
            }
            if (prev == null && r.time() != 0) {
                throw new InputException(risk.file + where + ", line " + r.line() + ": the first risk-table time is "
                        + Numbers.text(r.time(), 6) + ", not 0. Add the number at risk at time 0 (the patients in the"
                        + " group), which the reconstruction starts from.");
            }
            if (prev != null && r.time() == prev.time()) {
                throw new InputException(risk.file + where + ", lines " + prev.line() + " and " + r.line()
                        + ": time " + Numbers.text(r.time(), 6) + " appears twice. Keep one number at risk per time.");
            }
            if (prev != null && v > prev.value()) {
                throw new InputException(risk.file + where + ", line " + r.line() + ", column 'n_risk': "
                        + (long) v + " at time " + Numbers.text(r.time(), 6) + " is more than the " + (long) prev.value()
                        + " at risk at time " + Numbers.text(prev.time(), 6) + " (line " + prev.line() + "): numbers at risk"
                        + " cannot increase. Check the risk table (and the group labels) for a typing error.");
            }
            if (r.time() > tmax) {
                if (r.time() <= tmax + tol) {
                    extended = true;
                } else if (v == 0) {
                    notes.add("risk-table time " + Numbers.text(r.time(), 6) + " (0 at risk, line " + r.line()
                            + ") is after the end of the curve and was not used.");
                    prev = r;
                    continue;
                } else {
                    throw new InputException(risk.file + where + ", line " + r.line() + ": time " + Numbers.text(r.time(), 6)
                            + " (" + (long) v + " at risk) is after the last digitized point of the curve (time "
                            + Numbers.text(tmax, 6) + ", " + points.file + "). Digitize the curve up to its end (the last"
                            + " censoring mark or step), or remove this row.");
                }
            }
            riskTime.add(r.time());
            nRisk.add((int) v);
            prev = r;
        }
        if (extended) {
            double last = riskTime.get(riskTime.size() - 1);
            double lastS = engine.prepare(t, s).at(tmax);
            t = java.util.Arrays.copyOf(t, n + 1);
            s = java.util.Arrays.copyOf(s, n + 1);
            t[n] = last;
            s[n] = lastS;
            notes.add("the last risk-table time " + Numbers.text(last, 6) + " is just after the last digitized point ("
                    + Numbers.text(tmax, 6) + "); the curve was extended flat to it.");
        }
        if (total != null && total > nRisk.get(0)) {
            throw new UsageException("--total-events " + total + " for " + (points.grouped ? "group '" + g + "'"
                    : "the curve") + " is more than the " + nRisk.get(0) + " patients at risk at time 0.");
        }
        ReconstructedIpd ipd;
        try {
            ipd = engine.reconstruct(t, s, riskTime.stream().mapToDouble(Double::doubleValue).toArray(),
                    nRisk.stream().mapToInt(Integer::intValue).toArray(), total == null ? -1 : total);
        } catch (IllegalArgumentException ex) {
            throw new InputException(points.file + " / " + risk.file + where + ": " + ex.getMessage()
                    + ". Check the digitized points and the risk table.", ex);
        }
        return new ReconstructResult.Group(g, ipd, total, notes);
    }
}

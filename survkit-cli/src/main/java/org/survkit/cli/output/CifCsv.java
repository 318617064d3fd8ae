package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.CifResult;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceRow;

/** {@code survkit cif} as CSV: the table of every curve, one row per time. */
final class CifCsv {
    private CifCsv() {
    }

    static String of(CifResult r) {
        List<String[]> rows = new ArrayList<>();
        for (CumulativeIncidenceCurve c : r.curves()) {
            for (CumulativeIncidenceRow row : c.rows()) {
                rows.add(new String[] {c.group(), r.codes().label(c.cause()), Numbers.csv(row.time()),
                    Integer.toString(row.nRisk()), Integer.toString(row.nEvent()), Numbers.csv(row.cif()),
                    Numbers.csv(row.variance()), Numbers.csv(row.lower()), Numbers.csv(row.upper())});
            }
        }
        return Csv.write(new String[] {"group", "cause", "time", "n_risk", "n_event", "cif", "variance", "lower",
            "upper"}, rows);
    }
}

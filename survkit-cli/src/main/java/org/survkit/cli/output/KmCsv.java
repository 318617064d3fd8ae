package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.KmResult;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.SurvivalRow;

/** {@code survkit km} as CSV: the event table of every group, one row per time. */
final class KmCsv {
    private KmCsv() {
    }

    static String of(KmResult r) {
        List<String[]> rows = new ArrayList<>();
        for (GroupCurve gc : r.curves()) {
            for (SurvivalRow row : gc.curve().rows()) {
                rows.add(new String[] {gc.group(), Numbers.csv(row.time()), Numbers.csv(row.nRisk()),
                    Numbers.csv(row.nEvent()), Numbers.csv(row.nCensor()), Numbers.csv(row.survival()),
                    Numbers.csv(row.stdErr()), Numbers.csv(row.lower()), Numbers.csv(row.upper()),
                    Numbers.csv(row.cumHaz())});
            }
        }
        return Csv.write(new String[] {"group", "time", "n_risk", "n_event", "n_censor", "survival", "std_err",
            "lower", "upper", "cumhaz"}, rows);
    }
}

package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.FirthResult;
import org.survkit.stats.cox.FirthCoefficient;

/** {@code survkit cox --firth} as CSV: one row per coefficient. */
final class FirthCsv {
    private FirthCsv() {
    }

    static String of(FirthResult r) {
        List<String[]> rows = new ArrayList<>();
        for (FirthCoefficient k : r.model().coefficients()) {
            rows.add(new String[] {k.term(), Numbers.csv(k.coef()), Numbers.csv(k.se()), Numbers.csv(k.chiSquare()),
                Numbers.csv(k.pValue()), Numbers.csv(k.hr()), Numbers.csv(k.hrLower()), Numbers.csv(k.hrUpper()),
                Boolean.toString(k.aliased())});
        }
        return Csv.write(new String[] {"term", "coef", "se", "chisq", "p_value", "hr", "hr_lower", "hr_upper",
            "aliased"}, rows);
    }
}

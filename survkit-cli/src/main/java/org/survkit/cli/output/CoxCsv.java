package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.CoxResult;
import org.survkit.stats.cox.CoxCoefficient;

/** {@code survkit cox} as CSV: one row per coefficient. */
final class CoxCsv {
    private CoxCsv() {
    }

    static String of(CoxResult r) {
        List<String[]> rows = new ArrayList<>();
        for (CoxCoefficient k : r.model().coefficients()) {
            rows.add(new String[] {k.term(), Numbers.csv(k.coef()), Numbers.csv(k.se()), Numbers.csv(k.robustSe()),
                Numbers.csv(k.z()), Numbers.csv(k.pValue()), Numbers.csv(k.hr()), Numbers.csv(k.hrLower()),
                Numbers.csv(k.hrUpper()), Boolean.toString(k.aliased())});
        }
        return Csv.write(new String[] {"term", "coef", "se", "robust_se", "z", "p_value", "hr", "hr_lower",
            "hr_upper", "aliased"}, rows);
    }
}

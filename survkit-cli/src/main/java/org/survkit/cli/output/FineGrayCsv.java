package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.FineGrayResult;
import org.survkit.stats.competing.FineGrayCoefficient;

/** {@code survkit finegray} as CSV: one row per coefficient. */
final class FineGrayCsv {
    private FineGrayCsv() {
    }

    static String of(FineGrayResult r) {
        List<String[]> rows = new ArrayList<>();
        for (FineGrayCoefficient k : r.model().coefficients()) {
            rows.add(new String[] {k.term(), Numbers.csv(k.coef()), Numbers.csv(k.se()), Numbers.csv(k.modelSe()),
                Numbers.csv(k.z()), Numbers.csv(k.pValue()), Numbers.csv(k.hr()), Numbers.csv(k.hrLower()),
                Numbers.csv(k.hrUpper()), Boolean.toString(k.aliased())});
        }
        return Csv.write(new String[] {"term", "coef", "se", "model_se", "z", "p_value", "hr", "hr_lower",
            "hr_upper", "aliased"}, rows);
    }
}

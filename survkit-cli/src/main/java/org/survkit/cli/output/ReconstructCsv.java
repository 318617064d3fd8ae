package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.ReconstructResult;

/** The patients {@code survkit reconstruct} writes to {@code --out}: one row each, {@code group,time,event}. */
final class ReconstructCsv {
    private ReconstructCsv() {
    }

    static String of(ReconstructResult r) {
        List<String[]> rows = new ArrayList<>();
        for (ReconstructResult.Group g : r.groups()) {
            double[] t = g.ipd().time();
            boolean[] e = g.ipd().event();
            for (int i = 0; i < t.length; i++) {
                rows.add(new String[] {g.group(), Numbers.csv(t[i]), e[i] ? "1" : "0"});
            }
        }
        return Csv.write(new String[] {"group", "time", "event"}, rows);
    }
}

package org.survkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which columns of a Spark Dataset hold the follow-up: the time (a number ≥ 0), the status (numeric or boolean;
 * an event where it equals {@code eventValue}, censored otherwise), and optionally the group, the stratum and a
 * case weight (Cox only). Rows with a missing value in any column used are left out, as the command line leaves
 * out rows with a missing time, status, group or stratum. Immutable; build with {@link #of} and the withers.
 *
 * @param time       the time column
 * @param status     the status column
 * @param eventValue the status value of an event (1 by default; {@code true} reads as 1)
 * @param group      the group column, or null for one group
 * @param strata     the stratum column, or null
 * @param weight     the case-weight column (whole numbers ≥ 0), or null
 */
public record SurvivalColumns(String time, String status, double eventValue, String group, String strata,
        String weight) {

    public SurvivalColumns {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(status, "status");
    }

    /** Time and status columns, events coded 1. */
    public static SurvivalColumns of(String time, String status) {
        return new SurvivalColumns(time, status, 1, null, null, null);
    }

    public SurvivalColumns withEventValue(double value) {
        return new SurvivalColumns(time, status, value, group, strata, weight);
    }

    public SurvivalColumns withGroup(String column) {
        return new SurvivalColumns(time, status, eventValue, column, strata, weight);
    }

    public SurvivalColumns withStrata(String column) {
        return new SurvivalColumns(time, status, eventValue, group, column, weight);
    }

    public SurvivalColumns withWeight(String column) {
        return new SurvivalColumns(time, status, eventValue, group, strata, column);
    }

    /** Every column named, in the order time, status, group, strata, weight. */
    List<String> used() {
        List<String> c = new ArrayList<>(List.of(time, status));
        for (String s : new String[] {group, strata, weight}) {
            if (s != null) {
                c.add(s);
            }
        }
        return c;
    }
}

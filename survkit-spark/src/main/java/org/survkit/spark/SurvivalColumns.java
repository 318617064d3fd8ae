package org.survkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which columns of a Spark Dataset hold the follow-up: the time (a number ≥ 0), the status (numeric or boolean;
 * an event where it equals {@code eventValue}, censored otherwise), and optionally the group, the stratum and a
 * case weight (Cox only). Rows with a missing value in any column used are left out, as the command line leaves
 * out rows with a missing time, status, group or stratum. Immutable; build with {@link #of} and the withers.
 * A cluster column (Cox only) asks for R's robust variance by cluster ({@code coxph(..., cluster = )}).
 *
 * @param time       the time column
 * @param status     the status column
 * @param eventValue the status value of an event (1 by default; {@code true} reads as 1)
 * @param group      the group column, or null for one group
 * @param strata     the stratum column, or null
 * @param weight     the case-weight column (numbers ≥ 0; Cox only), or null
 * @param cluster    the cluster column (Cox only: its values, as text, identify the clusters), or null
 */
public record SurvivalColumns(String time, String status, double eventValue, String group, String strata,
        String weight, String cluster) {

    public SurvivalColumns {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(status, "status");
    }

    /** The columns without a cluster. */
    public SurvivalColumns(String time, String status, double eventValue, String group, String strata,
            String weight) {
        this(time, status, eventValue, group, strata, weight, null);
    }

    /** Time and status columns, events coded 1. */
    public static SurvivalColumns of(String time, String status) {
        return new SurvivalColumns(time, status, 1, null, null, null, null);
    }

    public SurvivalColumns withEventValue(double value) {
        return new SurvivalColumns(time, status, value, group, strata, weight, cluster);
    }

    public SurvivalColumns withGroup(String column) {
        return new SurvivalColumns(time, status, eventValue, column, strata, weight, cluster);
    }

    public SurvivalColumns withStrata(String column) {
        return new SurvivalColumns(time, status, eventValue, group, column, weight, cluster);
    }

    public SurvivalColumns withWeight(String column) {
        return new SurvivalColumns(time, status, eventValue, group, strata, column, cluster);
    }

    public SurvivalColumns withCluster(String column) {
        return new SurvivalColumns(time, status, eventValue, group, strata, weight, column);
    }

    /** Every column named, in the order time, status, group, strata, weight, cluster. */
    List<String> used() {
        List<String> c = new ArrayList<>(List.of(time, status));
        for (String s : new String[] {group, strata, weight, cluster}) {
            if (s != null) {
                c.add(s);
            }
        }
        return c;
    }
}

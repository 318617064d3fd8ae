package org.survkit.study;

import java.util.Objects;
import org.survkit.study.key.StudyKeys;

/**
 * Table 1's table-wide choices ({@code table1: {p_values, percent, continuous}}); a variable's own {@code summary}
 * still wins over {@code continuous}.
 *
 * @param pValues    whether the P column is shown (CONSORT advises against baseline P values in randomised trials)
 * @param percent    how a level's count is shown
 * @param continuous the summary of continuous variables whose own summary is {@code auto}
 */
public record Table1Style(boolean pValues, Percent percent, Summary continuous) {

    public Table1Style {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(continuous, "continuous");
    }

    /** {@return the defaults: P values, n/N (%), auto} */
    public static Table1Style defaults() {
        return new Table1Style(StudyKeys.TABLE1_P_VALUES.defaultValue(), StudyKeys.TABLE1_PERCENT.defaultValue(),
                StudyKeys.TABLE1_CONTINUOUS.defaultValue());
    }

    /** {@return whether every choice is the default (the study file then keeps its plain list form)} */
    public boolean isDefault() {
        return equals(defaults());
    }

    /**
     * The summary a continuous variable shows.
     *
     * @param own the variable's own {@code summary}
     * @return its own unless {@code auto}, else this table's {@code continuous}
     */
    public Summary summaryOf(Summary own) {
        return own == Summary.AUTO ? continuous : own;
    }
}

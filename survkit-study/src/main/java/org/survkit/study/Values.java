package org.survkit.study;

import java.math.BigDecimal;

/** How a study's numbers are written back as the user would write them (study files, labels, messages). */
public final class Values {
    private Values() {
    }

    /** {@return a number as given: 60, 0.95, 1e-3 as 0.001; whole numbers without a decimal point} */
    public static String given(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}

package org.survkit.plot;

/** Maps data values to figure points along one axis. */
interface Scale {

    double map(double v);

    /** Linear: {@code d0 → r0}, {@code d1 → r1}. */
    static Scale linear(double d0, double d1, double r0, double r1) {
        double k = (r1 - r0) / (d1 - d0);
        return v -> r0 + (v - d0) * k;
    }

    /** Logarithmic: {@code d0 → r0}, {@code d1 → r1}, both &gt; 0. */
    static Scale log(double d0, double d1, double r0, double r1) {
        double l0 = Math.log(d0);
        double k = (r1 - r0) / (Math.log(d1) - l0);
        return v -> r0 + (Math.log(v) - l0) * k;
    }
}

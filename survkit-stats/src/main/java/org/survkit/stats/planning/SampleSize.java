package org.survkit.stats.planning;

import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Planning a two-group survival comparison (log-rank test): events and patients needed for a
 * hazard ratio, and the power of a given number of events.
 *
 * <ul>
 * <li>{@link Method#SCHOENFELD} (Schoenfeld 1983, Biometrika 70:316): D = (z_{1−α/2} + z_{1−β})² /
 * (p (1 − p) log² HR), p the fraction allocated to one group. The usual default.</li>
 * <li>{@link Method#FREEDMAN} (Freedman 1982, Stat Med 1:121): D = (z_{1−α/2} + z_{1−β})² (1 + k·HR)² /
 * (k (1 − HR)²), k = n₁/n₀ the allocation ratio (p = k/(1+k)); a little more conservative.</li>
 * </ul>
 * Patients from events: N = D / P(event), with exponential survival in each arm (control hazard from
 * its median or survival at a time; experimental = HR × control), uniform accrual over A and
 * additional follow-up F, and an optional exponential dropout hazard η:
 * P(event | λ) = λ/(λ+η) · {1 − [e^{−(λ+η)F} − e^{−(λ+η)(A+F)}] / ((λ+η) A)} (Collett,
 * <i>Modelling Survival Data in Medical Research</i>, 3rd ed., §10.2; Lachin &amp; Foulkes 1986 for
 * the uniform-accrual event probability). Instances are immutable.
 */
public final class SampleSize {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    /** Formula for the number of events. */
    public enum Method {
        /** Schoenfeld (1983); survkit's default. */
        SCHOENFELD,
        /** Freedman (1982). */
        FREEDMAN;

        public static Method parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final Method method;
    private final double alpha;
    private final double power;
    private final double allocation;

    private SampleSize(Method method, double alpha, double power, double allocation) {
        this.method = method;
        this.alpha = alpha;
        this.power = power;
        this.allocation = allocation;
    }

    /** Schoenfeld, two-sided α = 0.05, power 0.8, equal allocation. */
    public static SampleSize withDefaults() {
        return new SampleSize(Method.SCHOENFELD, 0.05, 0.8, 0.5);
    }

    public SampleSize with(Method m) {
        return new SampleSize(m, alpha, power, allocation);
    }

    /** Two-sided significance level in (0, 1). */
    public SampleSize withAlpha(double a) {
        check(a, "alpha");
        return new SampleSize(method, a, power, allocation);
    }

    /** Power in (0, 1). */
    public SampleSize withPower(double p) {
        check(p, "power");
        return new SampleSize(method, alpha, p, allocation);
    }

    /** Fraction of patients in the experimental group, in (0, 1) (0.5 = 1:1; 2:1 is 2/3). */
    public SampleSize withAllocation(double p) {
        check(p, "allocation");
        return new SampleSize(method, alpha, power, p);
    }

    private static void check(double x, String name) {
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + x);
        }
    }

    private static void checkHr(double hr) {
        if (!(hr > 0) || hr == 1 || Double.isInfinite(hr)) {
            throw new IllegalArgumentException("the hazard ratio must be positive and not 1, got " + hr);
        }
    }

    public Method method() {
        return method;
    }

    public double alpha() {
        return alpha;
    }

    public double power() {
        return power;
    }

    public double allocation() {
        return allocation;
    }

    private double zSum(double pow) {
        return NORMAL.inverseCumulativeProbability(1 - alpha / 2) + NORMAL.inverseCumulativeProbability(pow);
    }

    /** Events needed (not rounded) to detect {@code hr} with this power. */
    public double events(double hr) {
        checkHr(hr);
        double z = zSum(power);
        if (method == Method.SCHOENFELD) {
            double l = Math.log(hr);
            return z * z / (allocation * (1 - allocation) * l * l);
        }
        double k = allocation / (1 - allocation);
        return z * z * Math.pow(1 + k * hr, 2) / (k * Math.pow(1 - hr, 2));
    }

    /** Power of the two-sided log-rank test with {@code events} events for {@code hr}. */
    public double power(double hr, double events) {
        checkHr(hr);
        if (!(events > 0)) {
            throw new IllegalArgumentException("events must be > 0, got " + events);
        }
        double za = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        double zb;
        if (method == Method.SCHOENFELD) {
            zb = Math.sqrt(events * allocation * (1 - allocation)) * Math.abs(Math.log(hr)) - za;
        } else {
            double k = allocation / (1 - allocation);
            zb = Math.sqrt(events * k) * Math.abs(1 - hr) / (1 + k * hr) - za;
        }
        return NORMAL.cumulativeProbability(zb);
    }

    /**
     * Probability that a patient has the event during the study, under exponential survival with
     * hazard {@code lambda}, uniform accrual over {@code accrual}, additional follow-up
     * {@code followUp} and dropout hazard {@code dropout}.
     */
    public static double eventProbability(double lambda, double accrual, double followUp, double dropout) {
        if (!(lambda > 0) || !(accrual >= 0) || !(followUp >= 0) || !(dropout >= 0) || accrual + followUp <= 0) {
            throw new IllegalArgumentException("need hazard > 0, accrual and follow-up >= 0 (not both 0), dropout >= 0");
        }
        double h = lambda + dropout;
        double reached;
        if (accrual == 0) {
            reached = 1 - Math.exp(-h * followUp);
        } else {
            reached = 1 - (Math.exp(-h * followUp) - Math.exp(-h * (accrual + followUp))) / (h * accrual);
        }
        return lambda / h * reached;
    }

    /** The exponential hazard with the given median survival. */
    public static double hazardFromMedian(double median) {
        if (!(median > 0)) {
            throw new IllegalArgumentException("median must be > 0, got " + median);
        }
        return Math.log(2) / median;
    }

    /** The exponential hazard with survival {@code s} at time {@code t}. */
    public static double hazardFromSurvival(double t, double s) {
        if (!(t > 0) || !(s > 0 && s < 1)) {
            throw new IllegalArgumentException("need t > 0 and 0 < S(t) < 1");
        }
        return -Math.log(s) / t;
    }

    /**
     * Patients needed (not rounded): events / P(event), P averaged over the two arms by allocation.
     *
     * @param controlHazard exponential hazard of the control arm
     */
    public double patients(double hr, double controlHazard, double accrual, double followUp, double dropout) {
        double pc = eventProbability(controlHazard, accrual, followUp, dropout);
        double pe = eventProbability(controlHazard * hr, accrual, followUp, dropout);
        double pEvent = (1 - allocation) * pc + allocation * pe;
        return events(hr) / pEvent;
    }
}

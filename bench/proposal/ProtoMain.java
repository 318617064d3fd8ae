package org.survkit.stats;

import java.util.*;
import java.lang.reflect.*;

public class ProtoMain {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]); int reps = Integer.parseInt(a[1]);
        Class<?> sc = Class.forName("org.survkit.bench.SyntheticCohort");
        Method gen = sc.getDeclaredMethod("generate", int.class, long.class); gen.setAccessible(true);
        Object cohort = gen.invoke(null, n, 7L);
        Class<?> cc = cohort.getClass();
        Method mt = cc.getDeclaredMethod("time"), me = cc.getDeclaredMethod("event"), mg = cc.getDeclaredMethod("group");
        mt.setAccessible(true); me.setAccessible(true); mg.setAccessible(true);
        double[] time = (double[]) mt.invoke(cohort); boolean[] event = (boolean[]) me.invoke(cohort); String[] group = (String[]) mg.invoke(cohort);
        // correctness
        List<GroupCurve> k0 = KaplanMeier.withDefaults().fit(time, event, group), k1 = Proto.km(time, event, group);
        if (!k0.equals(k1)) {
            for (int g = 0; g < k0.size(); g++) {
                SurvivalCurve x = k0.get(g).curve(), y = k1.get(g).curve();
                System.out.println(g + " time " + Arrays.equals(x.time(), y.time()) + " risk " + Arrays.equals(x.nRisk(), y.nRisk()) + " surv " + Arrays.equals(x.survival(), y.survival()) + " lower " + Arrays.equals(x.lower(), y.lower()) + " cumhaz " + Arrays.equals(x.cumHaz(), y.cumHaz()));
            }
        } else System.out.println("KM identical (record equals)");
        LogRankResult r0 = LogRankTest.withDefaults().test(time, event, group); double[] r1 = Proto.logrank(time, event, group);
        System.out.println("logrank stat current=" + r0.statistic() + " proto=" + r1[0] + " O/E " + r0.groups() + " vs " + Arrays.toString(r1));
        long[][] ns = new long[4][reps];
        Object sink = null;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime(); sink = KaplanMeier.withDefaults().fit(time, event, group);
            long t1 = System.nanoTime(); sink = Proto.km(time, event, group);
            long t2 = System.nanoTime(); sink = LogRankTest.withDefaults().test(time, event, group);
            long t3 = System.nanoTime(); sink = Proto.logrank(time, event, group);
            long t4 = System.nanoTime();
            ns[0][i] = t1 - t0; ns[1][i] = t2 - t1; ns[2][i] = t3 - t2; ns[3][i] = t4 - t3;
        }
        String[] names = {"KM current", "KM proto", "logrank current", "logrank proto"};
        for (int j = 0; j < 4; j++) {
            long[] x = Arrays.copyOfRange(ns[j], reps / 3, reps); Arrays.sort(x); // drop first third as warm-up
            System.out.printf("n=%d %-16s median %.1f ms  min %.1f ms%n", n, names[j], x[x.length / 2] / 1e6, x[0] / 1e6);
        }
        if (sink == null) System.out.println();
    }
}

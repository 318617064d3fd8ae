package org.survkit.stats.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Group labels coded as integers, like an R factor.
 *
 * <p>Level order: {@link LevelOrder}: numbers numerically ("2" before "10"), then text labels with the numbers
 * inside them compared as numbers ("Stage 2" before "Stage 10", "Stage II" before "Stage X", "&lt;=20" before
 * "20-50" before "&gt;50"), else by their characters.
 *
 * @param levels distinct labels in level order
 * @param codes  for each observation, the index of its label in {@code levels}
 */
public record Factor(List<String> levels, int[] codes) {

    public Factor {
        levels = List.copyOf(levels);
        Objects.requireNonNull(codes, "codes");
    }

    /** How many label objects {@link #of} compares by identity before it looks a label up by value. */
    private static final int KNOWN_OBJECTS = 8;

    /**
     * Codes the labels.
     *
     * @param labels one label per observation, none null
     * @return the factor
     * @throws IllegalArgumentException if a label is null
     */
    public static Factor of(String[] labels) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> distinct = new ArrayList<>();
        int[] first = new int[labels.length];
        // a reader keeps one String object per distinct text of a column: the first few objects met are compared by
        // identity before the map is asked (at 10^6 rows most rows then cost one or two reference comparisons)
        String[] known = new String[KNOWN_OBJECTS];
        int[] knownId = new int[KNOWN_OBJECTS];
        int objects = 0;
        for (int i = 0; i < labels.length; i++) {
            String s = labels[i];
            int id = -1;
            for (int k = 0; k < objects; k++) {
                if (known[k] == s) {
                    id = knownId[k];
                    break;
                }
            }
            if (id < 0) {
                if (s == null) {
                    throw new IllegalArgumentException("group label of observation " + (i + 1) + " is missing");
                }
                Integer seenId = seen.get(s);
                if (seenId == null) {
                    seenId = distinct.size();
                    seen.put(s, seenId);
                    distinct.add(s);
                }
                id = seenId;
                if (objects < KNOWN_OBJECTS) {
                    known[objects] = s;
                    knownId[objects++] = id;
                }
            }
            first[i] = id;
        }
        String[] sorted = distinct.toArray(new String[0]);
        Arrays.sort(sorted, Factor::compareLabels);
        int[] idToCode = new int[sorted.length];
        for (int code = 0; code < sorted.length; code++) {
            idToCode[seen.get(sorted[code])] = code;
        }
        for (int i = 0; i < first.length; i++) {
            first[i] = idToCode[first[i]];
        }
        return new Factor(Arrays.asList(sorted), first);
    }

    /**
     * Codes the labels in a chosen level order (a study's group order): the listed labels first, in their order, as
     * R's {@code factor(x, levels = order)}; unlike R, a label present but not listed is not missing — such labels
     * follow in {@link #LEVEL_ORDER} — and a listed level that no observation has is left out (a study's order
     * lists every group of the file, some of which a landmark or a missing-value code may leave empty).
     *
     * @param labels one label per observation, none null
     * @param order  the levels in the order wanted (may be empty: then as {@link #of(String[])})
     * @return the factor
     * @throws IllegalArgumentException if a label is null
     */
    public static Factor ordered(String[] labels, List<String> order) {
        Factor natural = of(labels);
        List<String> levels = new ArrayList<>();
        for (String g : order) {
            if (natural.levels().contains(g) && !levels.contains(g)) {
                levels.add(g);
            }
        }
        for (String g : natural.levels()) {
            if (!levels.contains(g)) {
                levels.add(g);
            }
        }
        int[] recode = new int[natural.levelCount()];
        for (int k = 0; k < recode.length; k++) {
            recode[k] = levels.indexOf(natural.levels().get(k));
        }
        int[] codes = new int[labels.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = recode[natural.codes()[i]];
        }
        return new Factor(levels, codes);
    }

    /** A factor with a single level, for ungrouped data. */
    public static Factor single(String level, int n) {
        return new Factor(List.of(level), new int[n]);
    }

    /** The level order of factors ({@link LevelOrder}). */
    public static final java.util.Comparator<String> LEVEL_ORDER = LevelOrder.NATURAL;

    /** Level order ({@link LevelOrder}). */
    static int compareLabels(String a, String b) {
        return LevelOrder.compare(a, b);
    }

    /** The label as a number, or null when it is not one. */
    static Double number(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        char c = t.charAt(t.length() - 1);
        if (!Character.isDigit(c) && c != '.') {
            return null; // rejects "1d", "NaN", "Infinity" and hex floats
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Number of levels. */
    public int levelCount() {
        return levels.size();
    }

    /** Number of observations. */
    public int size() {
        return codes.length;
    }

    /** Observations per level. */
    public int[] counts() {
        int[] n = new int[levels.size()];
        for (int c : codes) {
            n[c]++;
        }
        return n;
    }

    /** The levels as numbers, or null when some level is not a number. */
    public double[] numericLevels() {
        double[] v = new double[levels.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = number(levels.get(i));
            if (x == null) {
                return null;
            }
            v[i] = x;
        }
        return v;
    }

    /** Indices of the observations in each level, in their original order. */
    public int[][] rowsByLevel() {
        int[] n = counts();
        int[][] rows = new int[n.length][];
        for (int k = 0; k < n.length; k++) {
            rows[k] = new int[n[k]];
        }
        int[] fill = new int[n.length];
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            rows[c][fill[c]++] = i;
        }
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Factor f && levels.equals(f.levels) && Arrays.equals(codes, f.codes);
    }

    @Override
    public int hashCode() {
        return 31 * levels.hashCode() + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "Factor" + levels + " n=" + codes.length;
    }
}

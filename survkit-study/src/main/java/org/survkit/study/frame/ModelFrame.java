package org.survkit.study.frame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.survkit.io.Cohort;
import org.survkit.io.Covariate;
import org.survkit.io.InputException;
import org.survkit.io.LocalNumbers;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.model.Factor;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;

/**
 * The model frame: a cohort's covariate columns and a model's terms → the design matrix, as R's
 * {@code model.matrix} builds it with treatment contrasts. The one place where every front end (command line,
 * report, web app) and the Java API turn terms into columns, so that the same model gives the same coefficients
 * everywhere.
 *
 * <p>Rules:
 * <ul>
 * <li>A numeric column enters as it is; a text column (or one listed as categorical when the cohort was read) is a
 *     factor with one column per level but the reference.</li>
 * <li>A factor's level order: the study's order for it when it has one (the groups' display order for the group
 *     variable, a Table 1 variable's {@code levels}), the levels present in the data in that order, then the other
 *     levels present in {@link Factor#LEVEL_ORDER} (numbers numerically, then text).</li>
 * <li>The reference level: the one given ({@code reference: {COL: LEVEL}}, {@code --reference COL=LEVEL}), else the
 *     first level in that order that occurs in the analysed rows (a level seen only in rows excluded for another
 *     missing value keeps its all-zero, aliased column, as in R, but is never the reference).</li>
 * <li>Interactions {@code a:b} multiply the columns of their parts, with R's {@code model.matrix} rule for a factor
 *     whose partner terms are absent: {@code age:sex} alone codes sex by indicators of all its levels
 *     ({@code age:sex=1, age:sex=2}, R's {@code age:factor(sex)1, age:factor(sex)2}), {@code age, age:sex} by
 *     contrasts ({@code age, age:sex=2}); terms are sorted by order and their variables put in the order of first
 *     appearance, as R's {@code terms} does ({@link DesignMatrixBuilder#build(List)} holds the rule).</li>
 * </ul>
 *
 * @param design     the design matrix, columns named as the coefficients are ({@code age}, {@code sex=2},
 *                   {@code age:sex=2}); R's name of a column is its name with {@code v=L} written
 *                   {@code factor(v)L} (or {@code vL} for a text column)
 * @param levels     each factor's levels in order, the reference first
 * @param references each factor's reference level
 */
public record ModelFrame(DesignMatrix design, Map<String, List<String>> levels, Map<String, String> references) {

    public ModelFrame {
        Objects.requireNonNull(design, "design");
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    /**
     * Builds the frame.
     *
     * @param cohort     the cohort, read with the terms' columns as covariates
     * @param terms      the model's terms in model order (columns, interactions {@code a:b})
     * @param reference  reference level per factor (may be empty)
     * @param order      a preferred level order per column (may be empty)
     * @param where      how the user wrote the model, for messages
     * @param referenceKey the key that names reference levels in messages ({@link StudyKeys#REFERENCE}, or the
     *                   Fine–Gray model's)
     * @return the frame
     * @throws InputException for a reference level on a numeric column or one that does not occur
     */
    public static ModelFrame of(Cohort cohort, List<String> terms, Map<String, String> reference,
            Map<String, List<String>> order, Where where, StudyKey<?> referenceKey) {
        Set<String> variables = new LinkedHashSet<>();
        for (String term : terms) {
            for (String part : term.split(":")) {
                variables.add(part.trim());
            }
        }
        for (String r : reference.keySet()) {
            if (!variables.contains(r)) {
                throw new InputException(where.name(referenceKey) + ": '" + r + "' is not among the model's columns ("
                        + String.join(", ", variables) + "); give the reference level of one of them.");
            }
        }
        DesignMatrixBuilder b = DesignMatrixBuilder.of(cohort.size());
        Map<String, List<String>> levels = new LinkedHashMap<>();
        Map<String, String> refs = new LinkedHashMap<>();
        for (String name : variables) {
            Covariate v = cohort.covariate(name);
            if (v == null) {
                throw new IllegalArgumentException("the cohort was not read with column '" + name + "'");
            }
            if (v.isNumeric()) {
                if (reference.containsKey(name)) {
                    throw new InputException(where.name(referenceKey) + ": '" + name + "' is numeric, so it has no"
                            + " reference level; add it to " + where.mention(StudyKeys.CATEGORICAL) + " to treat it as a factor.");
                }
                b.numeric(name, v.numeric());
                continue;
            }
            if (v.levels().size() > MAX_LEVELS) {
                throw tooManyLevels(cohort, v, where);
            }
            List<String> lv = levels(v, order.getOrDefault(name, List.of()));
            String ref = reference.get(name);
            if (ref != null && !lv.contains(ref)) {
                throw new InputException(where.name(referenceKey) + ": '" + ref + "' is not a value of '" + name
                        + "'; its values are " + String.join(", ", lv) + ".");
            }
            Factor coded = Factor.of(v.text());
            if (ref == null) {
                ref = firstPresent(lv, coded);
            }
            b.categorical(name, coded, lv, ref);
            List<String> ordered = new ArrayList<>(lv);
            ordered.remove(ref);
            ordered.add(0, ref);
            levels.put(name, List.copyOf(ordered));
            refs.put(name, ref);
        }
        return new ModelFrame(b.build(terms.stream().map(String::trim).toList()), levels, refs);
    }

    /**
     * The most levels a categorical covariate may have: each level beyond the reference is a column of the model, and
     * a text column with hundreds of different values is a number column with a word in it (a missing-value code
     * such as "n/a" before the numbers), an identifier or a measurement, not a factor (a dose column read as text
     * with 10,000 levels: survkit cox at 13 GB after 11 minutes, unfinished).
     */
    static final int MAX_LEVELS = 200;

    private static InputException tooManyLevels(Cohort cohort, Covariate v, Where where) {
        long numbers = v.levels().stream().filter(LocalNumbers::isNumber).count();
        String example = cohort.firstNonNumber(v.name(), cohort.source());
        String why = numbers * 2 > v.levels().size() && !example.isEmpty()
                ? " Most of its values are numbers: the values that are not" + example.replaceFirst("^, ", " (")
                + ") made it a text column. If they mean missing, add them to " + where.mention(StudyKeys.NA)
                + "; otherwise correct them in the file."
                : " If it is an identifier or a measurement, leave it out of the model; for a grouping with many"
                + " values, use " + where.mention(StudyKeys.STRATA) + " (a baseline hazard per value) instead.";
        return new InputException("covariate '" + v.name() + "' was read as categorical with " + v.levels().size()
                + " different values, more than the " + MAX_LEVELS + " a model can take as levels (one coefficient"
                + " each)." + why);
    }

    /** The first level that occurs in the analysed rows (a level seen only in excluded rows is no reference). */
    private static String firstPresent(List<String> levels, Factor values) {
        Set<String> seen = new java.util.HashSet<>(values.levels());
        for (String l : levels) {
            if (seen.contains(l)) {
                return l;
            }
        }
        return levels.get(0);
    }

    /** The factor's levels: in the preferred order first, then the rest in factor order. */
    private static List<String> levels(Covariate v, List<String> preferred) {
        List<String> present = new ArrayList<>(v.levels());
        List<String> out = new ArrayList<>();
        for (String p : preferred) {
            if (present.contains(p) && !out.contains(p)) {
                out.add(p);
            }
        }
        present.sort(Factor.LEVEL_ORDER);
        for (String p : present) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}

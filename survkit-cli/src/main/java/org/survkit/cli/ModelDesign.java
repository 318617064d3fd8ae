package org.survkit.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.survkit.io.Cohort;
import org.survkit.io.Covariate;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.model.Factor;

/**
 * The design matrix of a regression from the cohort's covariate columns, in the user's term order: numeric
 * columns as they are, text (or --categorical) columns as factors with treatment contrasts whose reference is
 * the first level in sorted order or the --reference level; interactions a:b. The mapping {@code cox} uses.
 */
final class ModelDesign {
    private ModelDesign() {
    }

    static DesignMatrix of(Cohort c, List<String> terms, Map<String, String> reference) {
        Map<String, Covariate> byName = new HashMap<>();
        for (Covariate v : c.covariates()) {
            byName.put(v.name(), v);
        }
        Set<String> variables = new LinkedHashSet<>();
        for (String term : terms) {
            for (String part : term.split(":")) {
                variables.add(part.trim());
            }
        }
        for (String r : reference.keySet()) {
            if (!variables.contains(r)) {
                throw new UsageException("--reference " + r + "=" + reference.get(r) + " names a column that is not among"
                        + " the covariates (" + String.join(", ", variables) + ").");
            }
        }
        DesignMatrixBuilder b = DesignMatrixBuilder.of(c.size());
        for (String name : variables) {
            Covariate v = byName.get(name);
            if (v.isNumeric()) {
                if (reference.containsKey(name)) {
                    throw new UsageException("--reference " + name + "=…: '" + name + "' is numeric; add it to"
                            + " --categorical to treat it as a factor.");
                }
                b.numeric(name, v.numeric());
            } else {
                String ref = reference.get(name);
                List<String> levels = new ArrayList<>(v.levels());
                levels.sort(Factor.LEVEL_ORDER);
                if (ref != null && !List.of(v.text()).contains(ref)) {
                    throw new UsageException("--reference " + name + "=" + ref + ": '" + ref + "' does not occur in"
                            + " column '" + name + "'; its values are " + String.join(", ",
                                    Factor.of(v.text()).levels()) + ".");
                }
                b.categorical(name, v.text(), levels, ref);
            }
        }
        return b.build(terms.stream().map(String::trim).toList());
    }
}

package org.survkit.report.analysis;

import java.util.List;

/**
 * Which trimmed cell texts mean "missing": the empty text, {@code NA}, {@code .} and the study's
 * extra codes (exact, case-sensitive), the rule survkit-io applies when it reads a cohort.
 */
record Missing(List<String> extra) {
    Missing {
        extra = extra.stream().map(String::trim).toList();
    }

    static Missing standard() {
        return new Missing(List.of());
    }

    boolean isMissing(String s) {
        return s == null || s.isEmpty() || s.equals("NA") || s.equals(".") || extra.contains(s);
    }
}

package org.survkit.cli.output;

/**
 * How a confidence level is written in text headers, each in the place R's printouts use it: {@code 95%}
 * (print.survfit's "Confidence intervals" line and survkit's interval columns), {@code 0.95LCL} (print.survfit's
 * median limits), {@code lower 0.95} (summary.coxph's hazard-ratio limits).
 *
 * @param level the confidence level, e.g. 0.95
 */
record CiLabels(double level) {

    /** {@return "95%"} */
    String percent() {
        return Numbers.text(100 * level, 3) + "%";
    }

    /** {@return "95% CI"} */
    String interval() {
        return percent() + " CI";
    }

    /** {@return "lower 95% CI"} */
    String lowerInterval() {
        return "lower " + interval();
    }

    /** {@return "upper 95% CI"} */
    String upperInterval() {
        return "upper " + interval();
    }

    /** {@return "0.95LCL"} */
    String lcl() {
        return Numbers.text(level, 3) + "LCL";
    }

    /** {@return "0.95UCL"} */
    String ucl() {
        return Numbers.text(level, 3) + "UCL";
    }

    /** {@return "lower 0.95"} */
    String lower() {
        return "lower " + Numbers.text(level, 3);
    }

    /** {@return "upper 0.95"} */
    String upper() {
        return "upper " + Numbers.text(level, 3);
    }
}

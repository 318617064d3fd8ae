package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;

/**
 * The codes of a competing-risks event column, as R cmprsk's {@code fstatus}, with the label every output gives each
 * code: a number as the data write it (1, not 1.0), or for a word-coded column its word (the engines then see the
 * censoring word as 0 and the causes as 1, 2, … in alphabetical order).
 *
 * @param eventColumn the event column
 * @param censorCode  the code of censored rows
 * @param censorLabel the censoring code as the data write it
 * @param causes      the cause codes present, increasing
 * @param causeLabels each cause as the data write it, in the order of {@code causes}
 * @param words       whether the column holds words (alive, relapse, death) rather than numbers
 */
public record CauseCodes(String eventColumn, double censorCode, String censorLabel, double[] causes,
        List<String> causeLabels, boolean words) {

    public CauseCodes {
        Objects.requireNonNull(eventColumn, "eventColumn");
        Objects.requireNonNull(censorLabel, "censorLabel");
        causes = causes.clone();
        causeLabels = List.copyOf(causeLabels);
        if (causeLabels.size() != causes.length) {
            throw new IllegalArgumentException(causes.length + " causes but " + causeLabels.size() + " labels");
        }
    }

    @Override
    public double[] causes() {
        return causes.clone();
    }

    /**
     * {@return a code as the data write it: 1 (not 1.0), or the word}
     *
     * @throws IllegalArgumentException when the code is neither the censoring code nor a cause
     */
    public String label(double code) {
        if (code == censorCode) {
            return censorLabel;
        }
        for (int k = 0; k < causes.length; k++) {
            if (causes[k] == code) {
                return causeLabels.get(k);
            }
        }
        throw new IllegalArgumentException("no code " + code + " in column '" + eventColumn + "'");
    }

    /** {@return the causes as the data write them, e.g. "1, 2"} */
    public String causeList() {
        return String.join(", ", causeLabels);
    }

    /** {@return the event as the data lines show it: {@code status (censored = 0; causes 1, 2)}} */
    public String eventText() {
        return eventColumn + " (censored = " + censorLabel + "; causes " + causeList() + ")";
    }
}

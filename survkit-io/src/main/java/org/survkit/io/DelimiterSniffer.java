package org.survkit.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the field delimiter of a text table among comma, semicolon and tab.
 *
 * <p>The sample is split into records (line breaks inside double quotes do not end a record) and each
 * candidate is counted outside quotes. A candidate that occurs in the header and the same number of times in
 * every sampled data record wins; among several the most frequent wins, then the preferred one (tab for
 * {@code .tsv}, else comma, semicolon, tab). If none is consistent, the candidate most frequent in the header is
 * taken; if none occurs at all (a one-column file) the preferred one.
 */
final class DelimiterSniffer {

    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int MAX_RECORDS = 100;

    private DelimiterSniffer() {
    }

    /**
     * Chooses the delimiter.
     *
     * @param sample    the start of the file
     * @param complete  true if the sample is the whole file (else its last, possibly cut, record is ignored)
     * @param preferred the delimiter to prefer on ties
     * @return the delimiter
     */
    static char sniff(String sample, boolean complete, char preferred) {
        List<int[]> records = count(sample, complete);
        if (records.isEmpty()) {
            return preferred;
        }
        int[] header = records.get(0);
        int best = -1;
        for (int c = 0; c < CANDIDATES.length; c++) {
            if (header[c] == 0 || !consistent(records, c)) {
                continue;
            }
            if (best < 0 || header[c] > header[best]
                    || header[c] == header[best] && CANDIDATES[c] == preferred) {
                best = c;
            }
        }
        if (best < 0) {
            for (int c = 0; c < CANDIDATES.length; c++) {
                if (header[c] > 0 && (best < 0 || header[c] > header[best])) {
                    best = c;
                }
            }
        }
        return best < 0 ? preferred : CANDIDATES[best];
    }

    private static boolean consistent(List<int[]> records, int c) {
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i)[c] != records.get(0)[c]) {
                return false;
            }
        }
        return true;
    }

    /** Counts each candidate outside quotes per non-blank record. */
    private static List<int[]> count(String sample, boolean complete) {
        List<int[]> records = new ArrayList<>();
        int[] current = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean content = false;
        int n = sample.length();
        for (int i = 0; i < n && records.size() < MAX_RECORDS; i++) {
            char ch = sample.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                content = true;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                if (content) {
                    records.add(current);
                }
                current = new int[CANDIDATES.length];
                content = false;
            } else if (!quoted) {
                for (int c = 0; c < CANDIDATES.length; c++) {
                    if (ch == CANDIDATES[c]) {
                        current[c]++;
                    }
                }
                content |= ch != ' ';
            }
        }
        if (complete && content && records.size() < MAX_RECORDS) {
            records.add(current);
        }
        return records;
    }
}

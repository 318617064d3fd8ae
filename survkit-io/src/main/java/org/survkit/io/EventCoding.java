package org.survkit.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the trimmed text of the event column into event, censored or invalid, and keeps the coding table
 * ({@link EventCode}) of every distinct value with its count.
 *
 * <p>Rules, in order:
 * <ul>
 * <li>With event values and/or censor values declared: a value equal to one (ignoring case; numerically when both
 *     are numbers, so {@code 2.0} is {@code 2}) is that; a value that differs from one only in accents, spaces or
 *     punctuation is read as it, with a note in the table; a word that looks like a misspelling of a declared
 *     value ({@code Decesed} for {@code Deceased}: a small edit distance) is invalid, naming the value it
 *     resembles. With only event values, other values are censored, as R's {@code Surv(time, status == value)},
 *     except a word meaning death or event (in any of the known languages), which is invalid: censoring deaths is
 *     a classic silent error. With only censor values, other values are events, except a word meaning alive,
 *     censored or lost to follow-up, which is invalid. With both, any other value is invalid.</li>
 * <li>Without declared values: {@code 1} (any number equal to 1), yes/true and the death and event words of
 *     {@link EventWords} are events; {@code 0}, no/false and the alive and censored words are censored; a near
 *     miss of such a word is invalid, naming the word; anything else is invalid as an unknown code.</li>
 * </ul>
 * Decisions are cached per distinct text.
 */
final class EventCoding {

    /** An event. */
    static final byte EVENT = 1;
    /** Censored. */
    static final byte CENSORED = 0;
    /** Not readable as either. */
    static final byte INVALID = -1;

    private static final int DISTINCT_LIMIT = 1000;

    private final List<String> eventValues;
    private final List<String> censorValues;
    private final Map<String, Decision> decisions = new HashMap<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, int[]> missingCounts = new LinkedHashMap<>();
    private int otherCount;

    /** A cached decision: the code, and for notes and problems the words. */
    record Decision(byte code, String note, String kind, String what, String fix) {
    }

    /**
     * A value coded once ({@link #known}), to code it again without looking it up ({@link #again}).
     *
     * @param value    the trimmed text
     * @param decision its decision
     * @param count    its count in the table, or null when the table was full (counted as other values)
     */
    record Known(String value, Decision decision, int[] count) {
    }

    private EventCoding(List<String> eventValues, List<String> censorValues) {
        this.eventValues = eventValues;
        this.censorValues = censorValues;
    }

    /**
     * Creates the coding.
     *
     * @param eventValues  the values that mark an event (trimmed; empty for the default words)
     * @param censorValues the values that mark censored rows (trimmed; may be empty)
     * @return the coding
     */
    static EventCoding of(List<String> eventValues, List<String> censorValues) {
        return new EventCoding(List.copyOf(eventValues), List.copyOf(censorValues));
    }

    /** {@return the declared event values (empty when the default words apply)} */
    List<String> eventValues() {
        return eventValues;
    }

    /** {@return the declared censor values} */
    List<String> censorValues() {
        return censorValues;
    }

    /** {@return true when neither event nor censor values were declared} */
    boolean defaults() {
        return eventValues.isEmpty() && censorValues.isEmpty();
    }

    /**
     * Codes one non-missing value and counts it.
     *
     * @param s the trimmed text
     * @return the decision
     */
    Decision code(String s) {
        Decision d = decisions.get(s);
        if (d == null) {
            d = decide(s);
            if (decisions.size() < DISTINCT_LIMIT) {
                decisions.put(s, d);
            }
        }
        int[] c = counts.get(s);
        if (c != null) {
            c[0]++;
        } else if (counts.size() < DISTINCT_LIMIT) {
            counts.put(s, new int[] {1});
        } else {
            otherCount++;
        }
        return d;
    }

    /**
     * Codes and counts one non-missing value as {@link #code} does, for a caller that meets the same value in many
     * rows and can tell it is the same without a lookup (then {@link #again}).
     *
     * @param s the trimmed text
     * @return the value with its decision and count
     */
    Known known(String s) {
        Decision d = code(s);
        return new Known(s, d, counts.get(s));
    }

    /**
     * Codes a value met again: counts it and gives its decision, as {@link #code} would.
     *
     * @param k the value, from {@link #known}
     * @return its decision
     */
    Decision again(Known k) {
        int[] c = k.count();
        if (c != null) {
            c[0]++;
        } else {
            otherCount++;
        }
        return k.decision();
    }

    /**
     * Counts a missing value for the table.
     *
     * @param s the trimmed text (a missing-value code, or empty)
     */
    void countMissing(String s) {
        int[] c = missingCounts.get(s);
        if (c != null) {
            c[0]++;
        } else if (missingCounts.size() < 100) {
            missingCounts.put(s, new int[] {1});
        }
    }

    private Decision decide(String s) {
        if (!defaults()) {
            return declared(s);
        }
        double x = DecimalParser.parse(s);
        if (x == 1 || EventWords.isDeath(s) || EventWords.isYes(s)) {
            return new Decision(EVENT, "", null, null, null);
        }
        if (x == 0 || EventWords.isAlive(s) || EventWords.isNo(s)) {
            return new Decision(CENSORED, "", null, null, null);
        }
        if (EventWords.hasLetter(s)) {
            String w = EventWords.misspelt(s);
            if (w != null) {
                boolean death = EventWords.isDeath(w);
                return invalid("near-miss", "looks like a misspelling of \"" + w + "\" (which would be "
                        + (death ? "an event" : "censored") + ")", "Correct it in the file, or declare what it "
                        + "means with " + OptionNames.EVENT_VALUE + " / " + OptionNames.CENSOR_VALUE + ".");
            }
        }
        return invalid("unknown-event-code", "is not a known event code", unknownFix(s));
    }

    private Decision declared(String s) {
        String exactEvent = match(eventValues, s);
        if (exactEvent != null) {
            return new Decision(EVENT, "", null, null, null);
        }
        if (match(censorValues, s) != null) {
            return new Decision(CENSORED, "", null, null, null);
        }
        String key = EventWords.key(s);
        for (String v : eventValues) {
            if (!key.isEmpty() && key.equals(EventWords.key(v))) {
                return new Decision(EVENT, "read as the event value \"" + v + "\" (differs only in case, accents or "
                        + "spaces)", null, null, null);
            }
        }
        for (String v : censorValues) {
            if (!key.isEmpty() && key.equals(EventWords.key(v))) {
                return new Decision(CENSORED, "read as the censor value \"" + v + "\" (differs only in case, "
                        + "accents or spaces)", null, null, null);
            }
        }
        if (EventWords.hasLetter(s)) {
            for (String v : eventValues) {
                if (near(s, v)) {
                    return invalid("near-miss", "looks like a misspelling of the event value \"" + v + "\"",
                            "Correct it in the file, or add it to " + OptionNames.EVENT_VALUE + " if it is an event "
                                    + "too (or to " + OptionNames.CENSOR_VALUE + " if it means censored).");
                }
            }
            for (String v : censorValues) {
                if (near(s, v)) {
                    return invalid("near-miss", "looks like a misspelling of the censor value \"" + v + "\"",
                            "Correct it in the file, or add it to " + OptionNames.CENSOR_VALUE + " if it means "
                                    + "censored too (or to " + OptionNames.EVENT_VALUE + " if it is an event).");
                }
            }
        }
        if (censorValues.isEmpty()) {
            if (EventWords.isDeath(s)) {
                return invalid("undeclared-death", "means death (or an event) but is not an event value ("
                        + list(eventValues) + "), so it would be censored", "If it is an event, add it to "
                        + OptionNames.EVENT_VALUE + "; to censor it deliberately, give it with "
                        + OptionNames.CENSOR_VALUE + " (for death as a competing event, use survkit cif).");
            }
            return new Decision(CENSORED, "not an event value: censored", null, null, null);
        }
        if (eventValues.isEmpty()) {
            if (EventWords.isAlive(s)) {
                return invalid("undeclared-censored", "means alive or censored but is not a censor value ("
                        + list(censorValues) + "), so it would be an event", "Add it to "
                        + OptionNames.CENSOR_VALUE + " if it means censored (or to " + OptionNames.EVENT_VALUE
                        + " if it is an event).");
            }
            return new Decision(EVENT, "not a censor value: event", null, null, null);
        }
        return invalid("undeclared-value", "is neither an event value (" + list(eventValues) + ") nor a censor value ("
                + list(censorValues) + ")", "Add it to " + OptionNames.EVENT_VALUE + " or " + OptionNames.CENSOR_VALUE
                + ", correct it in the file, or add it to " + OptionNames.NA + " if it means missing.");
    }

    private static Decision invalid(String kind, String what, String fix) {
        return new Decision(INVALID, what, kind, what, fix);
    }

    private static String match(List<String> values, String s) {
        double x = Double.NaN;
        boolean parsed = false;
        for (String v : values) {
            if (v.equalsIgnoreCase(s)) {
                return v;
            }
            double n = DecimalParser.parse(v);
            if (n == n) {
                if (!parsed) {
                    x = DecimalParser.parse(s);
                    parsed = true;
                }
                if (x == n) {
                    return v;
                }
            }
        }
        return null;
    }

    /** True for a word a few keystrokes from a declared word (and not the same word). */
    static boolean near(String s, String declared) {
        String a = EventWords.key(s);
        String b = EventWords.key(declared);
        if (a.equals(b) || Math.min(a.length(), b.length()) < 4 || !EventWords.hasLetter(b)) {
            return false;
        }
        int limit = Math.max(1, Math.min(a.length(), b.length()) / 4);
        return EditDistance.transpositions(a, b) <= limit;
    }

    private static String list(List<String> values) {
        return "\"" + String.join("\", \"", values) + "\"";
    }

    private String unknownFix(String s) {
        String example = EventWords.isAlive(s) || EventWords.isNo(s) ? null : s;
        return "Without " + OptionNames.EVENT_VALUE + ", events are coded 1, yes, true or a word for death (dead, "
                + "died, deceased, décédé, verstorben, fallecido, deceduto, overleden, falecido, …) and censored rows "
                + "0, no, false or a word for alive or censored. Give the value that marks an event with "
                + OptionNames.EVENT_VALUE + (example == null ? "" : " (e.g. " + OptionNames.EVENT_VALUE + " "
                        + quoteIfNeeded(example) + ")") + "; then give the censored value(s) with "
                + OptionNames.CENSOR_VALUE + " so that every other value is checked.";
    }

    static String quoteIfNeeded(String s) {
        return s.matches("[\\p{Alnum}._+-]+") ? s : "\"" + s + "\"";
    }

    /**
     * Returns the coding table: every distinct value seen, in order of first appearance, then the missing codes.
     *
     * @return the table
     */
    List<EventCode> table() {
        List<EventCode> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Decision d = decisions.get(e.getKey());
            if (d == null) {
                d = decide(e.getKey());
            }
            EventCode.Meaning m = d.code() == EVENT ? EventCode.Meaning.EVENT
                    : d.code() == CENSORED ? EventCode.Meaning.CENSORED : EventCode.Meaning.INVALID;
            out.add(new EventCode(e.getKey(), m, e.getValue()[0], d.note()));
        }
        if (otherCount > 0) {
            out.add(new EventCode("(" + otherCount + " rows with other values)", EventCode.Meaning.INVALID, otherCount,
                    "too many different values to list"));
        }
        for (Map.Entry<String, int[]> e : missingCounts.entrySet()) {
            out.add(new EventCode(e.getKey(), EventCode.Meaning.MISSING, e.getValue()[0],
                    e.getKey().isEmpty() ? "empty cell" : "missing-value code"));
        }
        return out;
    }

    /** {@return the distinct non-missing values seen (at most 1000), in order of first appearance} */
    List<String> distinct() {
        return new ArrayList<>(counts.keySet());
    }

    /** {@return true if more distinct values were seen than {@link #distinct()} holds} */
    boolean moreDistinct() {
        return otherCount > 0;
    }

    /** {@return how many rows were coded as events} */
    int events() {
        int n = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Decision d = decisions.get(e.getKey());
            if (d != null && d.code() == EVENT) {
                n += e.getValue()[0];
            }
        }
        return n;
    }
}

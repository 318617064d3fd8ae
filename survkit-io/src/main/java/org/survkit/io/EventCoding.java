package org.survkit.io;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the trimmed text of the event column into event (1), censored (0) or unknown (−1).
 *
 * <p>Without an event value the default tokens apply, ignoring case: events {@code 1, true, yes, dead, died,
 * death, event} and any number equal to 1 ({@code 1.0}); censored {@code 0, false, no, alive, censored} and any
 * number equal to 0. With an event value V, a text equal to V (ignoring case) is an event, as is a number equal
 * to V when V is a number ({@code "2"} matches {@code "2.0"}); every other value is censored. Like R's
 * {@code Surv(time, status == 2)}.
 *
 * <p>Decisions are cached per distinct text, which also keeps the distinct values seen for messages.
 */
final class EventCoding {

    /** An event. */
    static final byte EVENT = 1;
    /** Censored. */
    static final byte CENSORED = 0;
    /** Not a recognised code (only without an event value). */
    static final byte UNKNOWN = -1;

    private static final Set<String> EVENT_WORDS = Set.of("1", "true", "yes", "dead", "died", "death", "event");
    private static final Set<String> CENSOR_WORDS = Set.of("0", "false", "no", "alive", "censored");
    private static final int CACHE_LIMIT = 1024;
    private static final int DISTINCT_LIMIT = 100;

    private final String eventValue;
    private final double eventNumber;
    private final Map<String, Byte> cache = new HashMap<>();
    private final Set<String> distinct = new LinkedHashSet<>();
    private boolean moreDistinct;

    private EventCoding(String eventValue) {
        this.eventValue = eventValue;
        this.eventNumber = eventValue == null ? Double.NaN : DecimalParser.parse(eventValue);
    }

    /**
     * Creates the coding.
     *
     * @param eventValue the value that marks an event (trimmed), or null for the default tokens
     * @return the coding
     */
    static EventCoding of(String eventValue) {
        return new EventCoding(eventValue == null ? null : eventValue.trim());
    }

    /**
     * Codes one non-missing value.
     *
     * @param s the trimmed text
     * @return {@link #EVENT}, {@link #CENSORED} or {@link #UNKNOWN}
     */
    byte code(String s) {
        Byte cached = cache.get(s);
        if (cached != null) {
            return cached;
        }
        byte code = decide(s);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(s, code);
        }
        if (distinct.size() < DISTINCT_LIMIT) {
            distinct.add(s);
        } else if (!distinct.contains(s)) {
            moreDistinct = true;
        }
        return code;
    }

    private byte decide(String s) {
        double number = DecimalParser.parse(s);
        if (eventValue != null) {
            boolean same = !Double.isNaN(eventNumber) && !Double.isNaN(number) ? number == eventNumber
                    : s.equalsIgnoreCase(eventValue);
            return same ? EVENT : CENSORED;
        }
        String key = s.toLowerCase(Locale.ROOT);
        if (EVENT_WORDS.contains(key) || number == 1) {
            return EVENT;
        }
        if (CENSOR_WORDS.contains(key) || number == 0) {
            return CENSORED;
        }
        return UNKNOWN;
    }

    /** {@return the event value, or null for the default tokens} */
    String eventValue() {
        return eventValue;
    }

    /** {@return the distinct values seen so far (at most 100), in order of appearance} */
    Set<String> distinct() {
        return distinct;
    }

    /** {@return true if more distinct values were seen than {@link #distinct()} holds} */
    boolean moreDistinct() {
        return moreDistinct;
    }
}

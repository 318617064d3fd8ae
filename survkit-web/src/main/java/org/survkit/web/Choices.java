package org.survkit.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An option whose value names a constant of an enumeration, written in lower case ({@code "tick"} for
 * {@code CensorMark.TICK}): parsed, or refused with a sentence that lists the valid values.
 */
final class Choices {
    private Choices() {
    }

    /**
     * Parses a value.
     *
     * @param type   the enumeration
     * @param value  the text given
     * @param option the option's name, for the message
     * @return the constant
     * @throws ApiError 400 naming the valid values
     */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw ApiError.badRequest("'" + option + "' must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "; not '"
                + Datasets.clip(value) + "'.");
    }
}

package org.survkit.cli;

import org.survkit.study.key.StudyKey;
import org.survkit.study.key.Where;

/** Reads a flag's text with its study key's one parser (messages name the flag). */
final class FlagValues {
    private FlagValues() {
    }

    /** {@return the value of a flag's text, or null when the flag was not given} */
    static <T> T parse(StudyKey<T> key, String text) {
        return text == null ? null : key.parse(text, Where.COMMAND_LINE);
    }

    /** {@return the value of a flag's text, or the key's default when the flag was not given} */
    static <T> T orDefault(StudyKey<T> key, String text) {
        return text == null ? key.defaultValue() : key.parse(text, Where.COMMAND_LINE);
    }
}

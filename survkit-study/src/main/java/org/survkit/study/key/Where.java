package org.survkit.study.key;

import java.util.Objects;

/**
 * Where the user wrote a study option, so that a message names the key as they wrote it: the command line's flag
 * ({@code --conf-level}), the study file's key with its line ({@code study.yaml, line 12, 'conf_level'}) or the web
 * page's field ({@code Confidence level}).
 */
public sealed interface Where {

    /** {@return the key as the user wrote it, to start a message} */
    String name(StudyKey<?> key);

    /** {@return how the user would set a key to a value ("--test fh", "'test: fh'", "Test: fh")} */
    default String assign(StudyKey<?> key, String value) {
        return this instanceof CommandLine && key.flag() != null ? key.flag() + " " + value
                : this instanceof WebPage ? key.label() + ": " + value : "'" + key.name() + ": " + value + "'";
    }

    /** {@return another key as the user would write it, inside a sentence ("add it to --categorical")} */
    default String mention(StudyKey<?> key) {
        return key.flag() != null ? key.flag() : "'" + key.name() + "'";
    }

    /** The command line: flags. */
    Where COMMAND_LINE = new CommandLine();

    /** The web page: field labels. */
    Where WEB_PAGE = new WebPage();

    /**
     * A study file (YAML) or study JSON.
     *
     * @param file the file's name
     * @param line the key's line (0 when unknown)
     * @return the place
     */
    static Where file(String file, int line) {
        return new StudyFile(file, line);
    }

    /**
     * The command line, where a flag of its own sets a key (e.g. {@code compare --rmst TAU} sets {@code tau}).
     *
     * @param flag the flag as written
     * @return the place
     */
    static Where flag(String flag) {
        return new OwnFlag(flag);
    }

    /**
     * A command's own flag for a key.
     *
     * @param flag the flag
     */
    record OwnFlag(String flag) implements Where {
        @Override
        public String name(StudyKey<?> key) {
            return flag;
        }
    }

    /** The command line. */
    record CommandLine() implements Where {
        @Override
        public String name(StudyKey<?> key) {
            return key.flag() != null ? key.flag() : "'" + key.path() + "' (a study-file key)";
        }
    }

    /** The web page. */
    record WebPage() implements Where {
        @Override
        public String name(StudyKey<?> key) {
            return key.label();
        }

        @Override
        public String mention(StudyKey<?> key) {
            return "'" + key.label() + "'";
        }
    }

    /**
     * A study file.
     *
     * @param file its name
     * @param line the key's line, 0 when unknown
     */
    record StudyFile(String file, int line) implements Where {
        public StudyFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String name(StudyKey<?> key) {
            return file + (line > 0 ? ", line " + line : "") + ", '" + key.path().replace("[]", "") + "'";
        }

        @Override
        public String mention(StudyKey<?> key) {
            return "'" + key.name() + "'";
        }
    }
}

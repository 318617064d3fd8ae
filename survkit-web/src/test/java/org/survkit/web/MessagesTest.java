package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Errors shown on the page name options by the page's labels, not the command line's flags. */
class MessagesTest {

    @Test
    void studyFlagsBecomeThePagesLabels() {
        assertThat(Messages.pageWords("--conf-level: 1.5 is not allowed; give a number between 0 and 1 (e.g. 0.95)."))
                .isEqualTo("'Confidence level': 1.5 is not allowed; give a number between 0 and 1 (e.g. 0.95).");
        assertThat(Messages.pageWords("value \"Decesed\" of column 'status': use --event-value V or --na CODE"))
                .isEqualTo("value \"Decesed\" of column 'status': use 'Event value' V or 'Missing-value codes' CODE");
        assertThat(Messages.pageWords("--format xml is not allowed")).isEqualTo("--format xml is not allowed");
        assertThat(Messages.forPage("/srv/data/ab/lung.csv, line 3: --time: bad", Path.of("/srv/data/ab")))
                .isEqualTo("lung.csv, line 3: 'Follow-up time': bad");
    }
}

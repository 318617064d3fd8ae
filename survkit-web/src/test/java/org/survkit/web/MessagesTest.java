package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Errors shown on the page name options by the page's labels, not the command line's flags or study-file keys. */
class MessagesTest {

    @Test
    void studyFlagsBecomeThePagesLabels() {
        assertThat(Messages.pageWords("--conf-level: 1.5 is not allowed; give a number between 0 and 1 (e.g. 0.95)."))
                .isEqualTo("'Confidence level': 1.5 is not allowed; give a number between 0 and 1 (e.g. 0.95).");
        // the placeholder of the value goes with the flag
        assertThat(Messages.pageWords("value \"Decesed\" of column 'status': use --event-value V or --na CODE"))
                .isEqualTo("value \"Decesed\" of column 'status': use 'Event values' or 'Missing-value codes'");
        assertThat(Messages.pageWords("say where the follow-up time is: --time COL, or --start-date COL --end-date COL."))
                .isEqualTo("say where the follow-up time is: 'Follow-up time', or 'Start date' 'End date'.");
        assertThat(Messages.pageWords("give --reference COL=LEVEL, e.g. --event-value 2 or --group Treatment"))
                .isEqualTo("give 'Reference levels', e.g. 'Event values' 2 or 'Groups' Treatment");
        assertThat(Messages.pageWords("--format xml is not allowed")).isEqualTo("--format xml is not allowed");
        assertThat(Messages.forPage("/srv/data/ab/lung.csv, line 3: --time: bad", Path.of("/srv/data/ab")))
                .isEqualTo("lung.csv, line 3: 'Follow-up time': bad");
    }

    @Test
    void studyFileKeysBecomeThePagesLabelsWithoutThePlaceInTheServersStudyFile() {
        // the report's message on a study the page saved (survkit-report AnalysisDataset)
        assertThat(Messages.pageWords("study.yaml, line 13, 'groups.order': the value '1' of column 'sex' is not"
                + " listed; list every group (values found: 1, 2) or mark it missing with data.na."))
                .isEqualTo("'Group order': the value '1' of column 'sex' is not listed; list every group (values"
                        + " found: 1, 2) or mark it missing with 'Missing-value codes'.");
        assertThat(Messages.pageWords("the value 'x' of table1[2] (study.yaml, line 12) is not among cox[1].reference"))
                .isEqualTo("the value 'x' of table1[2] is not among 'Reference levels'");
        // columns and files with a dot in their name are left as they are
        assertThat(Messages.pageWords("column 'ph.ecog' of lung.csv, e.g. 3")).isEqualTo("column 'ph.ecog' of lung.csv,"
                + " e.g. 3");
    }

    @Test
    void labelsNameEveryFlagOfTheStudyKeys() {
        assertThat(Messages.labels().get("--landmark").asText()).isEqualTo("Landmark");
        assertThat(Messages.labels().get("--na").asText()).isEqualTo("Missing-value codes");
        assertThat(Messages.labels().get("--reference").asText()).isEqualTo("Reference levels");
    }

    @Test
    void thePagesFieldsAreLabelledByTheirStudyKeys() {
        String page = PageLabels.fill(WebServer.resource("index.html"));
        assertThat(page).doesNotContain("{{label:")
                .contains("Decimal mark <select id=\"map-decimal\">")
                .contains("Invalid values <select id=\"map-invalid\">")
                .contains("<span id=\"event-values-label\">Event values</span>")
                .contains("<span id=\"censor-values-label\">Censored values</span>");
        // defaults from their keys: P digits 3, figure width 170 mm, 300 dpi, 20 Cox iterations
        assertThat(page).doesNotContain("{{default:")
                .contains("id=\"opt-p-digits\" type=\"number\" step=\"1\" placeholder=\"3\"")
                .contains("value=\"170\" list=\"fig-widths\"").contains("value=\"300\"></label>")
                .contains("placeholder=\"20 (R's default)\"");
        // a box per figure format (survkit-plot FigureFormat), ticked as the key's default (svg, png)
        assertThat(page).doesNotContain("{{checks:")
                .contains("<input type=\"checkbox\" value=\"svg\" checked disabled> SVG</label>")
                .contains("<input type=\"checkbox\" value=\"png\" checked> PNG</label>")
                .contains("<input type=\"checkbox\" value=\"pdf\"> PDF</label>")
                .contains("<input type=\"checkbox\" value=\"eps\"> EPS</label>")
                .contains("<input type=\"checkbox\" value=\"tiff\"> TIFF</label>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageLabels.fill("<label>{{label:--nope}}</label>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--nope");
    }

    @Test
    void aRefusedRunsMessageKeepsItsLinesButNotThePointerToHelp() {
        CliRun stopped = new CliRun(2, "", "reading export.csv\nsurvkit: export.csv: 2 invalid values; nothing was"
                + " analysed.\n  line 4, column 'status': value \"Decesed\" ...\n  line 7, column 'x': ...\n"
                + "Correct the file, or give --invalid exclude.\n");
        assertThat(stopped.message()).isEqualTo("export.csv: 2 invalid values; nothing was analysed.\nline 4, column"
                + " 'status': value \"Decesed\" ...\nline 7, column 'x': ...\nCorrect the file, or give --invalid"
                + " exclude.");
        CliRun usage = new CliRun(2, "", "survkit: Unknown option: '--bogus'\nRun 'survkit km --help' for the"
                + " options.\n");
        assertThat(usage.message()).isEqualTo("Unknown option: '--bogus'");
    }
}

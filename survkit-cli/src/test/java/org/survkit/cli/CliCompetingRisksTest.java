package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code survkit cif} and {@code survkit finegray} end to end against R 4.2.2, cmprsk 2.2-11 {@code cuminc},
 * {@code timepoints} and {@code crr}: {@code pbc_cr.json} (../shared/tools/refgen_cr.R on pbc) and
 * {@code cr_ties.json} (reference/competing/refgen_competing.R), copied into test resources; the JSON shape the
 * issue asks for; the text and CSV formats; and every user mistake as one exit-2 message.
 */
class CliCompetingRisksTest {
    @TempDir
    Path dir;

    /** Relative comparison, null ↔ R's NA. */
    static void rel(String what, JsonNode actual, JsonNode expected, double tol) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull()).as(what + " should be null (R NA), was " + actual).isTrue();
            return;
        }
        if (actual == null || actual.isNull()) {
            fail(what + ": expected " + expected + ", got null");
        }
        double a = actual.asDouble();
        double e = expected.asDouble();
        if (Math.abs(a - e) > Math.max(tol * Math.abs(e), 1e-14)) {
            fail(what + ": expected " + e + " (R), got " + a);
        }
    }

    static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.status()).as(r.err()).isZero();
        return r;
    }

    static String pbc() {
        return Cli.resource("pbc.csv");
    }

    static JsonNode group(JsonNode out, String group, String cause) {
        for (JsonNode g : out.get("groups")) {
            if (g.get("group").asText().equals(group) && g.get("cause").asText().equals(cause)) {
                return g;
            }
        }
        throw new AssertionError("no group " + group + " cause " + cause + " in " + out);
    }

    @Test
    void cifMatchesCumincOnPbc() {
        JsonNode out = ok("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--group", "trt",
                "--at", "1000,2000,3000", "--format", "json").json();
        JsonNode ref = Cli.reference("pbc_cr.json");
        // the shape, plus n / excluded / warnings like the other commands
        assertThat(out.has("groups") && out.has("gray_test") && out.has("n") && out.has("excluded")
                && out.has("warnings")).as(out.toString()).isTrue();
        // R 4.2.2, survival 3.5-3: nrow(pbc) = 418, sum(!is.na(pbc$trt)) = 312 (refgen_cr.R's complete cases)
        assertThat(out.get("n").asInt()).isEqualTo(312);
        assertThat(out.get("excluded").get("rows_excluded").asInt()).isEqualTo(106);
        assertThat(out.get("groups").size()).isEqualTo(ref.get("curves").size());
        for (JsonNode curve : ref.get("curves")) {
            JsonNode g = group(out, curve.get("group").asText(), curve.get("cause").asText());
            String w = "trt " + curve.get("group").asText() + " cause " + curve.get("cause").asText();
            JsonNode table = g.get("table");
            assertThat(table.size()).as(w).isEqualTo((curve.get("time").size() - 2) / 2);
            for (int i = 0; i < table.size(); i++) {
                JsonNode row = table.get(i);
                assertThat(row.fieldNames()).toIterable().contains("time", "cif", "variance", "lower", "upper");
                assertThat(row.get("time").asDouble()).isEqualTo(curve.get("time").get(2 * i + 2).asDouble());
                rel(w + " cif", row.get("cif"), curve.get("cif").get(2 * i + 2), 1e-6);
                rel(w + " variance", row.get("variance"), curve.get("var").get(2 * i + 2), 1e-6);
                assertThat(row.get("lower").asDouble()).isLessThan(row.get("cif").asDouble());
                assertThat(row.get("upper").asDouble()).isGreaterThan(row.get("cif").asDouble());
            }
            for (int k = 0; k < 3; k++) {
                JsonNode a = g.get("at").get(k);
                JsonNode e = curve.get("at").get(k);
                assertThat(a.get("time").asDouble()).isEqualTo(e.get("time").asDouble());
                rel(w + " at cif", a.get("cif"), e.get("cif"), 1e-6);
                rel(w + " at variance", a.get("variance"), e.get("var"), 1e-6);
            }
        }
        for (int k = 0; k < 2; k++) {
            JsonNode a = out.get("gray_test").get(k);
            JsonNode e = ref.get("gray").get(k);
            assertThat(a.get("cause").asText()).isEqualTo(e.get("cause").asText());
            rel("Gray statistic", a.get("statistic"), e.get("statistic"), 1e-6);
            rel("Gray p", a.get("p_value"), e.get("p_value"), 1e-6);
            assertThat(a.get("df").asInt()).isEqualTo(e.get("df").asInt());
        }
    }

    /** pbc without the rows whose trt is missing: refgen_cr.R fits crr on the complete cases of trt too. */
    private String pbcWithTreatment() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(pbc()));
        int trt = List.of(lines.get(0).split(",")).indexOf("\"trt\"");
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (!cells[trt].isEmpty()) {
                kept.add(line);
            }
        }
        return write("pbc_trt.csv", String.join("\n", kept) + "\n").toString();
    }

    @Test
    void finegrayMatchesCrrOnPbc() throws IOException {
        JsonNode ref = Cli.reference("pbc_cr.json").get("finegray");
        String data = pbcWithTreatment();
        for (String cause : List.of("1", "2")) {
            JsonNode out = ok("finegray", data, "--time", "time", "--event", "status", "--censor-value", "0",
                    "--cause", cause, "--covariates", "age,bili,albumin", "--format", "json").json();
            JsonNode e = ref.get(cause);
            assertThat(out.get("cause").asText()).isEqualTo(cause);
            for (String key : List.of("n", "events", "competing_events", "converged", "iterations", "excluded",
                    "warnings", "loglik")) {
                assertThat(out.has(key)).as(key).isTrue();
            }
            assertThat(out.get("n").asInt()).isEqualTo(312); // R: sum(!is.na(pbc$trt))
            assertThat(out.get("converged").asBoolean()).isEqualTo(e.get("converged").asBoolean());
            rel("loglik", out.get("loglik").get("model"), e.get("loglik"), 1e-6);
            for (int j = 0; j < 3; j++) {
                JsonNode a = out.get("coefficients").get(j);
                JsonNode x = e.get("coefficients").get(j);
                assertThat(a.fieldNames()).toIterable().contains("term", "coef", "se", "z", "p_value", "hr", "hr_lower",
                        "hr_upper");
                assertThat(a.get("term").asText()).isEqualTo(x.get("term").asText());
                rel(cause + " " + x.get("term").asText() + " coef", a.get("coef"), x.get("coef"), 1e-5);
                rel(cause + " " + x.get("term").asText() + " se", a.get("se"), x.get("se"), 1e-5);
                rel("hr", a.get("hr"), Cli.JSON.getNodeFactory().numberNode(Math.exp(x.get("coef").asDouble())), 1e-5);
            }
        }
    }

    // R 4.2.2 survival 3.5-3: finegray(Surv(start, stop, ev) ~ ., etype = "c1", id = id) + coxph(Surv(fgstart, fgstop,
    // fgstatus) ~ x1 + x2, weights = fgwt) on a seeded left-truncated cohort
    // (reference/competing-truncation/refgen_fg_truncation.R: fg_truncated.csv, fg_truncated.json)
    @Test
    void finegrayWithStartMatchesFinegrayPlusCoxph() {
        JsonNode ref = Cli.reference("fg_truncated.json");
        JsonNode out = ok("finegray", Cli.resource("fg_truncated.csv"), "--start", "start", "--time", "stop", "--event",
                "status", "--censor-value", "0", "--cause", "1", "--covariates", "x1,x2", "--format", "json").json();
        assertThat(out.get("n").asInt()).isEqualTo(295);
        rel("loglik", out.get("loglik").get("model"), ref.get("loglik").get(1), 1e-6);
        for (int j = 0; j < 2; j++) {
            JsonNode a = out.get("coefficients").get(j);
            rel("coef " + j, a.get("coef"), ref.get("coef").get(j), 1e-6);
            rel("robust se " + j, a.get("se"), ref.get("robust_se").get(j), 1e-6);
        }
        assertThat(out.get("warnings").toString()).contains("Delayed entry");
    }

    /** finegray uses the complete cases of its own columns: all 418 pbc rows for age and bili. */
    @Test
    void finegrayWithoutGroupUsesEveryCompleteRow() {
        JsonNode out = ok("finegray", pbc(), "--time", "time", "--event", "status", "--censor-value", "0",
                "--covariates", "age,bili", "--format", "json").json();
        assertThat(out.get("n").asInt()).isEqualTo(418); // R 4.2.2, survival 3.5-3: nrow(pbc), no NA in age or bili
        assertThat(out.get("cause").asInt()).as("default: the first cause code").isEqualTo(1);
    }

    @Test
    void factorsStrataAndAZeroEventGroupMatchR() {
        String data = Cli.resource("cr_ties.csv");
        JsonNode ref = Cli.reference("cr_ties.json");
        JsonNode out = ok("cif", data, "--time", "time", "--event", "status", "--censor-value", "0", "--group", "arm",
                "--strata", "centre", "--format", "json").json();
        for (int k = 0; k < 2; k++) {
            rel("stratified Gray", out.get("gray_test").get(k).get("statistic"),
                    ref.get("gray_strata").get(k).get("statistic"), 1e-6);
        }
        JsonNode c2 = group(out, "C", "2");
        assertThat(c2.get("events").asInt()).isZero();
        assertThat(c2.get("table").size()).isZero();
        assertThat(out.get("warnings").toString()).contains("Group C has no events of cause 2");
        for (Iterator<String> it = ref.get("finegray").fieldNames(); it.hasNext();) {
            String cause = it.next();
            JsonNode fg = ok("finegray", data, "--time", "time", "--event", "status", "--censor-value", "0", "--cause",
                    cause, "--covariates", "age,sex,stage", "--format", "json").json();
            JsonNode e = ref.get("finegray").get(cause);
            for (int j = 0; j < e.get("coefficients").size(); j++) {
                JsonNode a = fg.get("coefficients").get(j);
                JsonNode x = e.get("coefficients").get(j);
                assertThat(a.get("term").asText()).isEqualTo(x.get("term").asText()); // stage=II, stage=III
                for (String f : List.of("coef", "se", "model_se", "z", "p_value", "hr_lower", "hr_upper")) {
                    rel(cause + " " + x.get("term").asText() + " " + f, a.get(f), x.get(f), 1e-5);
                }
            }
        }
    }

    @Test
    void causeOptionSelectsOneCause() {
        JsonNode out = ok("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--group", "trt",
                "--cause", "2", "--format", "json").json();
        assertThat(out.get("groups").size()).isEqualTo(2);
        out.get("groups").forEach(g -> assertThat(g.get("cause").asInt()).isEqualTo(2));
        assertThat(out.get("gray_test").size()).isEqualTo(1);
    }

    @Test
    void textOutputs() {
        String cif = ok("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--group", "trt",
                "--at", "1000,5000", "--table").out();
        assertThat(cif).contains("Cumulative incidence of competing risks (Aalen–Johansen)")
                .contains("censored = 0; causes 1, 2").contains("trt=1, cause 1").contains("Gray's test")
                .contains("0.01943").contains("log-log, 95%").contains("beyond its last follow-up");
        String fg = ok("finegray", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--cause", "2",
                "--covariates", "age,bili,albumin").out();
        assertThat(fg).contains("Fine–Gray competing-risks regression, cause 2").contains("subdistribution hazard ratio")
                .contains("exp(coef)").contains("albumin").contains("Pseudo likelihood ratio test");
    }

    @Test
    void csvOutputs() {
        String cif = ok("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--format", "csv")
                .out();
        assertThat(cif).startsWith("group,cause,time,n_risk,n_event,cif,variance,lower,upper\n").contains("\nall,1,");
        String fg = ok("finegray", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--covariates",
                "age", "--format", "csv").out();
        assertThat(fg).startsWith("term,coef,se,model_se,z,p_value,hr,hr_lower,hr_upper,aliased\nage,");
    }

    @Test
    void plotWritesTheStackedFigure() throws IOException {
        Path svg = dir.resolve("fig/cif.svg");
        ok("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--group", "trt", "--plot",
                svg.toString(), "--cause-label", "1=Transplant", "--cause-label", "2=Death");
        String text = Files.readString(svg);
        assertThat(text).startsWith("<?xml").contains("class=\"cif-area\"").contains("Transplant (Gray <tspan font-style=\"italic\">p</tspan> = 0.889)")
                // numbers at risk under the panels: trt 1 has 158 patients (R: table(pbc$trt))
                .contains("class=\"risk-cell\" data-group=\"1\" data-time=\"0\"");
        assertThat(text).containsPattern("data-group=\"1\" data-time=\"0\"[^>]*>158<");
        assertThat(CliErrorTest.userError("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0",
                "--plot", dir.resolve("cif.pdf").toString()).err()).contains("must end in .svg or .png");
    }

    @Test
    void plotLinesTakeLineTypes() throws IOException {
        Path auto = dir.resolve("auto.svg");
        ok("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--group", "trt", "--plot",
                auto.toString(), "--plot-lines");
        // the default Okabe-Ito blue and vermillion print as one grey: the second cause dashed
        assertThat(Files.readString(auto)).contains("class=\"cif-curve\"").contains("data-line-type=\"dashed\"");
        Path solid = dir.resolve("solid.svg");
        ok("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--group", "trt", "--plot",
                solid.toString(), "--plot-lines", "--line-types", "solid");
        assertThat(Files.readString(solid)).contains("class=\"cif-curve\"").doesNotContain("data-line-type");
    }

    @Test
    void divergingCoefficientIsFlagged() {
        // no transplant (cause 1) among stage-1 patients: crr stops after 10 iterations with stage coefficients ~10
        JsonNode out = ok("finegray", pbc(), "--time", "time", "--event", "status", "--censor-value", "0",
                "--covariates", "age,albumin,stage", "--categorical", "stage", "--format", "json").json();
        assertThat(out.get("converged").asBoolean()).isFalse();
        assertThat(out.get("warnings").toString()).contains("did not converge").contains("'stage=2'")
                .contains("still growing");
    }

    // ---- user errors: exit 2, one message naming the file, line, column, value and the fix ----

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void nonNumericCodes() throws IOException {
        Path f = write("codes.csv", "time,status,x\n1,0,1\n2,relapse,2\n3,1,3\n");
        for (String cmd : List.of("cif", "finegray")) {
            List<String> args = new ArrayList<>(List.of(cmd, f.toString(), "--time", "time", "--event", "status",
                    "--censor-value", "0"));
            if (cmd.equals("finegray")) {
                args.addAll(List.of("--covariates", "x"));
            }
            assertThat(CliErrorTest.userError(args.toArray(new String[0])).err())
                    .contains("codes.csv, line 3, column 'status'").contains("\"relapse\"").contains("not a number")
                    .contains("--censor-value").contains("--na");
        }
    }

    @Test
    void missingCensorValueListsTheCodes() {
        assertThat(CliErrorTest.userError("cif", pbc(), "--time", "time", "--event", "status").err())
                .contains("needs --censor-value").contains("'status'").contains("0, 1, 2").contains("pbc.csv");
        assertThat(CliErrorTest.userError("finegray", pbc(), "--time", "time", "--event", "status", "--covariates",
                "age").err()).contains("finegray needs --censor-value");
    }

    @Test
    void causeThatDoesNotOccur() {
        assertThat(CliErrorTest.userError("finegray", pbc(), "--time", "time", "--event", "status", "--censor-value",
                "0", "--cause", "3", "--covariates", "age").err()).contains("--cause 3 does not occur")
                .contains("column 'status'").contains("pbc.csv").contains("the causes are 1, 2");
        assertThat(CliErrorTest.userError("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0",
                "--cause", "0").err()).contains("is the censoring code");
        assertThat(CliErrorTest.userError("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0",
                "--cause", "death").err()).contains("--cause must be one of the numeric cause codes (1, 2)");
    }

    @Test
    void eventValueAndBadCensorValueAreRejected() {
        assertThat(CliErrorTest.userError("cif", pbc(), "--time", "time", "--event", "status", "--event-value", "2")
                .err()).contains("instead of --event-value");
        assertThat(CliErrorTest.userError("cif", pbc(), "--time", "time", "--event", "status", "--censor-value",
                "none").err()).contains("--censor-value \"none\" is not one of the codes of column 'status' in pbc.csv,"
                + " which are numbers: 0, 1, 2");
    }

    @Test
    void everythingCensored() throws IOException {
        Path f = write("cens.csv", "time,status\n1,0\n2,0\n");
        assertThat(CliErrorTest.userError("cif", f.toString(), "--time", "time", "--event", "status", "--censor-value",
                "0").err()).contains("every analysed row of cens.csv is censored");
    }

    @Test
    void censorValueThatNeverOccursIsAWarningNotAnError() throws IOException {
        Path f = write("nocens.csv", "time,status\n1,1\n2,2\n3,1\n");
        JsonNode out = ok("cif", f.toString(), "--time", "time", "--event", "status", "--censor-value", "0",
                "--format", "json").json();
        assertThat(out.get("warnings").toString()).contains("no row of column 'status' has the censoring code 0")
                .doesNotContain("--event-value");
    }

    /** pbc with the status written in words, as a hospital export would: 0 alive, 1 transplant, 2 death. */
    static String pbcWords(java.nio.file.Path dir) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(pbc()));
        List<String> out = new java.util.ArrayList<>();
        out.add(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            f[2] = switch (f[2]) {
                case "0" -> "alive";
                case "1" -> "Transplant";
                case "2" -> "death";
                default -> f[2];
            };
            out.add(String.join(",", f));
        }
        java.nio.file.Path file = dir.resolve("pbc_words.csv");
        java.nio.file.Files.write(file, out);
        return file.toString();
    }

    @Test
    void wordCodesGiveTheSameNumbersAsNumericCodes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String words = pbcWords(dir);
        JsonNode num = ok("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--group", "trt",
                "--format", "json").json();
        JsonNode txt = ok("cif", words, "--time", "time", "--event", "status", "--censor-value", "ALIVE", "--group",
                "trt", "--format", "json").json();
        // causes in alphabetical order, shown as the data write them; the censoring value as matched
        assertThat(txt.get("causes").toString()).isEqualTo("[\"death\",\"Transplant\"]");
        assertThat(txt.get("censor_value").asText()).isEqualTo("alive");
        for (String g : List.of("1", "2")) {
            assertThat(group(txt, g, "death").get("table")).isEqualTo(group(num, g, "2").get("table"));
            assertThat(group(txt, g, "Transplant").get("table")).isEqualTo(group(num, g, "1").get("table"));
        }
        assertThat(txt.get("gray_test").get(0).get("cause").asText()).isEqualTo("death");
        assertThat(txt.get("gray_test").get(0).get("statistic")).isEqualTo(num.get("gray_test").get(1).get("statistic"));
        String text = ok("cif", words, "--time", "time", "--event", "status", "--censor-value", "alive").out();
        assertThat(text).contains("(censored = alive; causes death, Transplant)").contains("death  ");
        String csv = ok("cif", words, "--time", "time", "--event", "status", "--censor-value", "alive", "--format",
                "csv").out();
        assertThat(csv).contains("\nall,death,");
        // Fine-Gray: --cause by word (any case) equals the numeric cause
        JsonNode fgNum = ok("finegray", pbc(), "--time", "time", "--event", "status", "--censor-value", "0", "--cause",
                "2", "--covariates", "age,bili", "--format", "json").json();
        JsonNode fgTxt = ok("finegray", words, "--time", "time", "--event", "status", "--censor-value", "alive",
                "--cause", "Death", "--covariates", "age,bili", "--format", "json").json();
        assertThat(fgTxt.get("cause").asText()).isEqualTo("death");
        assertThat(fgTxt.get("coefficients")).isEqualTo(fgNum.get("coefficients"));
        // mistakes name the values found
        Cli bad = Cli.run("cif", words, "--time", "time", "--event", "status", "--censor-value", "censored");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--censor-value \"censored\" does not occur in column 'status'")
                .contains("its values are alive, death, Transplant");
        Cli badCause = Cli.run("finegray", words, "--time", "time", "--event", "status", "--censor-value", "alive",
                "--cause", "relapse", "--covariates", "age");
        assertThat(badCause.status()).isEqualTo(2);
        assertThat(badCause.err()).contains("--cause relapse does not occur in column 'status'; the causes are death,"
                + " Transplant");
        // the same word in another case is the same code
        java.nio.file.Path mixed = dir.resolve("mixed_case.csv");
        java.nio.file.Files.writeString(mixed, "time,status\n1,alive\n2,Death\n3,death\n4,ALIVE\n5,relapse\n");
        JsonNode mc = ok("cif", mixed.toString(), "--time", "time", "--event", "status", "--censor-value", "alive",
                "--format", "json").json();
        assertThat(mc.get("causes").toString()).isEqualTo("[\"Death\",\"relapse\"]");
        assertThat(group(mc, "all", "Death").get("events").asInt()).isEqualTo(2);
        Cli numWord = Cli.run("cif", pbc(), "--time", "time", "--event", "status", "--censor-value", "alive");
        assertThat(numWord.status()).isEqualTo(2);
        assertThat(numWord.err()).contains("which are numbers: 0, 1, 2");
    }

    /**
     * {@code cif --start}: Aalen–Johansen on (entry, time] rows equals R's multi-state survfit, and Gray's test is
     * withheld with a note. Hand case of {@code reference/cif-entry/refgen_cif_entry.R} (its cif_entry_hand.json).
     */
    @Test
    void cifWithEntryTimesIsRsMultiStateSurvfit() throws IOException {
        Path csv = dir.resolve("entry.csv");
        Files.writeString(csv, "entry,time,status,arm\n0,2,1,a\n0,3,0,b\n1,4,2,a\n2,4,1,b\n2,6,0,a\n3,7,1,b\n"
                + "0,5,2,a\n4,8,0,b\n5,9,1,a\n1,3,1,b\n");
        Cli r = Cli.run("cif", csv.toString(), "--time", "time", "--event", "status", "--censor-value", "0", "--start",
                "entry", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("entry").asText()).isEqualTo("entry");
        assertThat(j.get("variance_method").asText()).contains("infinitesimal jackknife");
        // R 4.x, survival 3.5-3: survfit(Surv(entry, time, factor(status)) ~ 1) on these rows:
        // cause 1 pstate at 2, 3, 4, 7, 9 and its std.err at 4 and 9
        double[] times = {2, 3, 4, 7, 9};
        double[] cif1 = {0.2, 0.333333333333333, 0.466666666666667, 0.566666666666667, 0.766666666666667};
        JsonNode cause1 = null;
        for (JsonNode g : j.get("groups")) {
            if (g.get("cause").asInt() == 1) {
                cause1 = g;
            }
        }
        assertThat(cause1).isNotNull();
        int k = 0;
        for (JsonNode row : cause1.get("table")) {
            if (k < times.length && row.get("time").asDouble() == times[k]) {
                assertThat(row.get("cif").asDouble()).as("cif at %s", times[k]).isCloseTo(cif1[k],
                        org.assertj.core.data.Offset.offset(1e-9));
                if (times[k] == 4) {
                    assertThat(Math.sqrt(row.get("variance").asDouble())).isCloseTo(0.194745798224059,
                            org.assertj.core.data.Offset.offset(1e-9));
                }
                if (times[k] == 9) {
                    assertThat(Math.sqrt(row.get("variance").asDouble())).isCloseTo(0.160237092852828,
                            org.assertj.core.data.Offset.offset(1e-9));
                }
                k++;
            }
        }
        assertThat(k).as("R's event times found").isEqualTo(times.length);
        Cli grouped = Cli.run("cif", csv.toString(), "--time", "time", "--event", "status", "--censor-value", "0",
                "--start", "entry", "--group", "arm", "--plot", dir.resolve("cif.svg").toString());
        assertThat(grouped.status()).as(grouped.err()).isZero();
        assertThat(grouped.out()).contains("Gray's test is not computed with entry times");
        assertThat(dir.resolve("cif.svg")).isNotEmptyFile();
    }
}

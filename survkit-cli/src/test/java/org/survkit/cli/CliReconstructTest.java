package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code survkit reconstruct}: file to reconstructed patients to {@code km} and {@code cox}, and the user errors.
 * The algorithm's own tests (R parity, hand-worked cases, round trips) are in survkit-stats.
 */
class CliReconstructTest {
    @TempDir
    Path dir;

    static String fixture(String name) {
        return Cli.testFile("reconstruct/" + name);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void lungBySexRoundTripsThroughKmAndCox() throws IOException {
        // fixture: reference/guyot/make_cli_fixtures.R (lung by sex digitized with seeded noise, percent scale)
        Path ipd = dir.resolve("ipd.csv");
        Cli r = Cli.run("reconstruct", "--curve", fixture("lung_points.csv"), "--at-risk", fixture("lung_risk.csv"),
                "--out", ipd.toString(), "--format", "json");
        assertThat(r.status()).as(r.err()).isEqualTo(0);
        JsonNode j = r.json();
        assertThat(j.get("survival_scale").asText()).isEqualTo("percent");
        assertThat(j.get("n").asInt()).isEqualTo(228);
        assertThat(j.get("groups").get(0).get("group").asText()).isEqualTo("male");
        assertThat(j.get("groups").get(0).get("n").asInt()).isEqualTo(138);
        assertThat(j.get("groups").get(1).get("n").asInt()).isEqualTo(90);
        // lung: 112 and 53 deaths (R: table(lung$sex, lung$status)); the reconstruction is within 2
        assertThat(j.get("groups").get(0).get("events").asInt()).isBetween(110, 114);
        assertThat(j.get("groups").get(1).get("events").asInt()).isBetween(51, 55);
        for (JsonNode g : j.get("groups")) {
            for (JsonNode row : g.get("risk_table")) {
                assertThat(row.get("reconstructed").asInt()).isEqualTo(row.get("published").asInt());
            }
        }
        assertThat(j.get("notes").toString()).contains("read as percent");
        List<String> lines = Files.readAllLines(ipd);
        assertThat(lines.get(0)).isEqualTo("group,time,event");
        assertThat(lines).hasSize(229);

        JsonNode km = Cli.run("km", ipd.toString(), "--time", "time", "--event", "event", "--group", "group",
                "--format", "json").json();
        // R 4.2.2 survival 3.5-3: survfit(Surv(time, status) ~ sex, lung) medians 270 (male) and 426 (female)
        for (JsonNode g : km.get("groups")) {
            double median = g.get("median").get("estimate").asDouble();
            double expected = g.get("group").asText().equals("male") ? 270 : 426;
            assertThat(Math.abs(median / expected - 1)).as("median of %s", g.get("group")).isLessThan(0.02);
        }
        JsonNode cox = Cli.run("cox", ipd.toString(), "--time", "time", "--event", "event", "--covariates", "group",
                "--reference", "group=male", "--format", "json").json();
        double hr = cox.get("coefficients").get(0).get("hr").asDouble();
        // R 4.2.2 survival 3.5-3: coxph(Surv(time, status) ~ sex, lung): HR 0.5880 (female vs male)
        assertThat(Math.abs(hr / 0.5880 - 1)).isLessThan(0.03);
    }

    @Test
    void textSummaryAndOneCurveWithoutGroupsOrHeader() throws IOException {
        // WebPlotDigitizer's export: two unnamed columns; the hand-worked case of IpdReconstructionTest
        Path pts = write("pts.csv", "2,1\n2,0.9\n4,0.9\n4,0.7875\n8,0.7875\n8,0.63\n12,0.63\n12,0.42\n15,0.42\n");
        Path risk = write("risk.csv", "time,n_risk\n0,10\n10,4\n");
        Path ipd = dir.resolve("out/ipd.csv");
        Cli r = Cli.run("reconstruct", "--curve", pts.toString(), "--at-risk", risk.toString(), "--out", ipd.toString(),
                "--total-events", "4");
        assertThat(r.status()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Reconstructed individual patient data (Guyot et al. 2012)")
                .contains("(reported total events 4)").contains("0: 10/10  10: 4/4")
                .contains("pts.csv has no header").contains("Analyse with: survkit km");
        assertThat(Files.readAllLines(ipd)).containsExactly("group,time,event", "all,2,1", "all,3,0", "all,4,1",
                "all,6,0", "all,6,0", "all,8,1", "all,11,0", "all,12,1", "all,13.5,0", "all,15,0");
    }

    @Test
    void semicolonsDecimalCommasAndARiskTimeJustAfterTheCurve() throws IOException {
        Path pts = write("pts.csv", "time;survival\n0;1\n2;1\n2;0,9\n4;0,9\n4;0,7875\n8;0,7875\n8;0,63\n12;0,63\n"
                + "12;0,42\n14,9;0,42\n");
        Path risk = write("risk.csv", "time;n_risk\n0;10\n10;4\n15;2\n20;0\n");
        Cli r = Cli.run("reconstruct", "--curve", pts.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve("ipd.csv").toString(), "--format", "json");
        assertThat(r.status()).as(r.err()).isEqualTo(0);
        String notes = r.json().get("notes").toString();
        assertThat(notes).contains("extended flat").contains("(0 at risk, line 5) is after the end of the curve");
    }

    @Test
    void userErrorsNameTheFileLineAndFix() throws IOException {
        String curve = fixture("lung_points.csv");
        String risk = fixture("lung_risk.csv");
        String out = dir.resolve("ipd.csv").toString();
        // group column in one file only
        Path plain = write("plain_risk.csv", "time,n_risk\n0,228\n100,196\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", plain.toString(), "--out", out)
                .err()).contains("plain_risk.csv has no 'group' column but lung_points.csv has one");
        // a group missing from the risk table
        Path male = write("male_risk.csv", "group,time,n_risk\nmale,0,138\nmale,100,114\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", male.toString(), "--out", out)
                .err()).contains("no numbers at risk for group 'female'");
        // n at risk increasing
        Path up = write("up.csv", "group,time,n_risk\nmale,0,138\nmale,100,114\nmale,200,120\nfemale,0,90\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", up.toString(), "--out", out)
                .err()).contains("up.csv (group 'male'), line 4, column 'n_risk': 120 at time 200 is more than the 114")
                .contains("cannot increase");
        // risk table beyond the curve
        Path far = write("far.csv", "group,time,n_risk\nmale,0,138\nmale,2000,3\nfemale,0,90\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", far.toString(), "--out", out)
                .err()).contains("far.csv (group 'male'), line 3: time 2000 (3 at risk) is after the last digitized"
                        + " point");
        // not starting at 0
        Path late = write("late.csv", "group,time,n_risk\nmale,100,114\nfemale,0,90\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", late.toString(), "--out", out)
                .err()).contains("line 2: the first risk-table time is 100, not 0");
        // two curves in one group: the second rises above the first
        Path two = write("two.csv", "time,survival\n0,1\n50,0.8\n100,0.5\n150,0.3\n10,0.98\n60,0.9\n120,0.85\n");
        Path r1 = write("r1.csv", "time,n_risk\n0,50\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", two.toString(), "--at-risk", r1.toString(),
                "--out", out).err()).contains("two.csv: the point on line 7 (time 60, survival 0.9) lies above the"
                        + " earlier point on line 3 (time 50, survival 0.8)").contains("never rises");
        // not a number, not a count, neither proportion nor percent
        Path bad = write("bad.csv", "time,survival\n0,1\n5,abc\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", bad.toString(), "--at-risk", r1.toString(),
                "--out", out).err()).contains("bad.csv, line 3, column 'survival': value \"abc\" is not a number");
        Path frac = write("frac.csv", "time,n_risk\n0,50.5\n");
        Path ok = write("ok.csv", "time,survival\n0,1\n5,0.5\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", ok.toString(), "--at-risk", frac.toString(),
                "--out", out).err()).contains("frac.csv, line 2, column 'n_risk': value 50.5 is not a number of"
                        + " patients");
        Path odd = write("odd.csv", "time,survival\n0,1\n5,1.3\n");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", odd.toString(), "--at-risk", r1.toString(),
                "--out", out).err()).contains("odd.csv, line 3, column 'survival': value 1.3 is neither a proportion");
        // totals
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", risk, "--out", out,
                "--total-events", "100").err()).contains("give one total per group");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", risk, "--out", out,
                "--total-events", "male=112,other=3").err()).contains("no group 'other'");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", risk, "--out", out,
                "--total-events", "male=200,female=53").err()).contains("more than the 138 patients");
        // options
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", risk, "--out", curve).err())
                .contains("is also an input file");
        assertThat(CliErrorTest.userError("reconstruct", "--curve", curve, "--at-risk", risk, "--out", out,
                "--format", "csv").err()).contains("the patients are written as CSV to --out");
        // missing files
        assertThat(CliErrorTest.userError("reconstruct", "--curve", dir.resolve("nope.csv").toString(), "--at-risk",
                risk, "--out", out).err()).contains("nope.csv (--curve) does not exist");
    }
}

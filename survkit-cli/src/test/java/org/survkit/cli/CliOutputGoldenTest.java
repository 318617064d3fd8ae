package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the commands print, byte for byte: each case runs one command in one format in-process and compares its
 * standard output with {@code src/test/resources/golden/NAME}. The golden files were written by the commands as
 * they were before their printing moved into {@code org.survkit.cli.output} (so this test shows that the move
 * changed no character), and the JSON is what survkit-web's {@code /api/analyses} answers. The paths of input and
 * output files are replaced by their file names, so the files do not depend on where the build runs.
 *
 * <p>A deliberate change of the output: run with {@code -Dsurvkit.golden.update=true} (from the module folder),
 * which rewrites the files, and review their diff.
 */
public class CliOutputGoldenTest {
    private static final String[] LUNG = {"--time", "time", "--event", "status", "--event-value", "2"};
    private static final String[] PBC = {"--time", "time", "--event", "status", "--censor-value", "0"};

    @TempDir
    static Path dir;

    /** {@return every case: its golden file's name and the command's arguments} */
    public static Stream<Arguments> cases() {
        String lung = Cli.resource("lung.csv");
        String pbc = Cli.resource("pbc.csv");
        String receptor = Cli.resource("receptor43.csv");
        List<Arguments> cases = new ArrayList<>();
        String[] km = cat(new String[] {"km", lung}, LUNG, "--group", "sex", "--at", "90,180", "--tau", "180",
                "--landmark", "10", "--horizon", "200", "--test", "logrank");
        add(cases, "km_lung.txt", km, "--table");
        add(cases, "km_lung.json", km, "--format", "json");
        add(cases, "km_lung_ecog.txt", cat(new String[] {"km", lung}, LUNG, "--group", "ph.ecog", "--preset", "prism",
                "--conf-type", "plain", "--conf-level", "0.9", "--test", "fh"));
        add(cases, "km_lung.csv", cat(new String[] {"km", lung}, LUNG, "--group", "ph.ecog", "--horizon", "100",
                "--format", "csv"));
        String[] compare = cat(new String[] {"compare", lung}, LUNG, "--group", "ph.ecog", "--strata", "sex",
                "--pairwise", "--adjust", "bonferroni", "--trend", "--conservative", "--rmst", "365");
        add(cases, "compare_lung.txt", compare);
        add(cases, "compare_lung.json", compare, "--format", "json");
        add(cases, "compare_lung.csv", compare, "--format", "csv");
        String[] fh = cat(new String[] {"compare", lung}, LUNG, "--group", "sex", "--test", "fh", "--rho", "1",
                "--gamma", "1", "--horizon", "365");
        add(cases, "compare_lung_fh.txt", fh);
        add(cases, "compare_lung_fh.json", fh, "--format", "json");
        String[] cox = cat(new String[] {"cox", lung}, LUNG, "--covariates", "age,sex,ph.ecog", "--categorical",
                "ph.ecog", "--reference", "ph.ecog=1", "--cluster", "inst");
        add(cases, "cox_lung.txt", cox);
        add(cases, "cox_lung.json", cox, "--format", "json");
        add(cases, "cox_lung.csv", cox, "--format", "csv");
        add(cases, "cox_lung_strata.txt", cat(new String[] {"cox", lung}, LUNG, "--covariates", "age,ph.karno",
                "--strata", "sex", "--ties", "breslow", "--conf-level", "0.9"));
        String[] firth = {"cox", receptor, "--time", "time", "--event", "status", "--covariates", "receptor,age",
            "--firth"};
        add(cases, "cox_firth.txt", firth);
        add(cases, "cox_firth.json", firth, "--format", "json");
        add(cases, "cox_firth.csv", firth, "--format", "csv");
        String[] cif = cat(new String[] {"cif", pbc}, PBC, "--group", "trt", "--cause", "2", "--strata", "sex",
                "--at", "1826", "--horizon", "3000");
        add(cases, "cif_pbc.txt", cif, "--table");
        add(cases, "cif_pbc.json", cif, "--format", "json");
        add(cases, "cif_pbc.csv", cif, "--format", "csv");
        String[] fg = cat(new String[] {"finegray", pbc}, PBC, "--cause", "2", "--covariates", "age,bili,stage",
                "--categorical", "stage", "--reference", "stage=2");
        add(cases, "finegray_pbc.txt", fg);
        add(cases, "finegray_pbc.json", fg, "--format", "json");
        add(cases, "finegray_pbc.csv", fg, "--format", "csv");
        String[] plan = {"plan", "--hr", "0.7", "--accrual", "24", "--follow-up", "12", "--median", "18", "--dropout",
            "0.01", "--simulate", "50", "--seed", "3"};
        add(cases, "plan.txt", plan);
        add(cases, "plan.json", plan, "--format", "json");
        add(cases, "plan_events.txt", new String[] {"plan", "--hr", "0.6", "--events", "200", "--method", "freedman"});
        String[] reconstruct = {"reconstruct", "--curve", CliReconstructTest.fixture("lung_points.csv"), "--at-risk",
            CliReconstructTest.fixture("lung_risk.csv"), "--total-events", "male=112,female=53", "--out",
            (dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"))).resolve("ipd.csv").toString()};
        add(cases, "reconstruct.txt", reconstruct);
        add(cases, "reconstruct.json", reconstruct, "--format", "json");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsAsBefore(String name, List<String> args) throws IOException {
        Cli r = Cli.run(args.toArray(new String[0]));
        assertThat(r.status()).as(r.err()).isZero();
        String out = withFileNames(r.out(), args);
        if (Boolean.getBoolean("survkit.golden.update")) {
            Path f = Path.of("src/test/resources/golden", name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, out, StandardCharsets.UTF_8);
            return;
        }
        assertThat(out).isEqualTo(golden(name));
    }

    /** The output with every path of the arguments written as its file name (and so in JSON strings). */
    public static String withFileNames(String out, List<String> args) {
        List<String> paths = args.stream().filter(a -> a.contains("/") || a.contains("\\"))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String s = out;
        for (String p : paths) {
            String name = Path.of(p).getFileName().toString();
            s = s.replace(p.replace("\\", "\\\\"), name).replace(p, name);
        }
        return s;
    }

    /** {@return a golden file's text} */
    public static String golden(String name) throws IOException {
        try (InputStream in = CliOutputGoldenTest.class.getClassLoader().getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden file " + name + " (write it with -Dsurvkit.golden.update=true)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void add(List<Arguments> cases, String name, String[] args, String... more) {
        cases.add(Arguments.of(name, List.of(cat(args, more))));
    }

    private static String[] cat(String[] a, String[] b, String... c) {
        return cat(cat(a, b), c);
    }

    private static String[] cat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}

package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The messy-export corpus of issue 12 ({@code src/test/resources/messy}, written by {@code make_messy.py}): exports in
 * French (cp1252, semicolons, CRLF), German (UTF-8 with BOM, tabs), English (US dates) and Spanish, with decimal
 * commas, local date formats, statuses in words and planted problems at known lines ({@code manifest.tsv}).
 * {@code survkit check} names every planted problem with its line in one run; with {@code --invalid exclude} the
 * Kaplan–Meier curves equal those of the same data cleaned by hand.
 */
class MessyExportsTest {

    private static final Map<String, List<String>> OPTIONS = Map.of(
            "fr", List.of("--start-date", "diagnostic", "--end-date", "derniere", "--event", "statut", "--event-value",
                    "Décédé", "--censor-value", "Vivant", "--group", "bras"),
            "de", List.of("--start-date", "diagnose", "--end-date", "letzter", "--event", "status", "--event-value",
                    "verstorben", "--censor-value", "lebend", "--group", "arm"),
            "en", List.of("--start-date", "diagnosis", "--end-date", "last_seen", "--event", "status",
                    "--event-value", "Deceased", "--censor-value", "Alive", "--group", "arm"),
            "es", List.of("--start-date", "diagnostico", "--end-date", "ultima", "--event", "estado",
                    "--event-value", "Fallecido", "--censor-value", "Vivo", "--group", "brazo"));

    private static Path dir() throws URISyntaxException {
        return Path.of(MessyExportsTest.class.getResource("/messy/manifest.tsv").toURI()).getParent();
    }

    private static String file(String lang) throws Exception {
        try (var s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(lang + "_export.")).findFirst()
                    .orElseThrow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de", "en", "es"})
    void checkNamesEveryPlantedProblemWithItsLine(String lang) throws Exception {
        String name = file(lang);
        List<String> args = new ArrayList<>(List.of("check", dir().resolve(name).toString(), "--format", "json"));
        args.addAll(OPTIONS.get(lang).subList(0, OPTIONS.get(lang).size() - 2));
        Cli r = Cli.run(args.toArray(new String[0]));
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        JsonNode problems = Cli.JSON.readTree(r.out()).get("problems");
        List<String> found = new ArrayList<>();
        problems.forEach(p -> found.add(p.get("line").asInt() + " " + p.get("column").asText()));
        for (String row : Files.readAllLines(dir().resolve("manifest.tsv")).subList(1, 13)) {
            String[] f = row.split("\t");
            if (f[0].equals(name)) {
                String planted = f[2] + " " + f[3];
                // an end date before the start is named on the end date's column, which the file calls f[3] or its pair
                assertThat(found).as(name + ": planted problem at line " + f[2] + " (" + f[3] + ") in " + found)
                        .anyMatch(x -> x.equals(planted) || x.startsWith(f[2] + " "));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de", "en", "es"})
    void excludedRowsGiveTheCurvesOfTheCleanedFile(String lang) throws Exception {
        List<String> messy = new ArrayList<>(List.of("km", dir().resolve(file(lang)).toString(), "--format", "json",
                "--invalid", "exclude"));
        messy.addAll(OPTIONS.get(lang));
        Cli m = Cli.run(messy.toArray(new String[0]));
        assertThat(m.status()).as(m.err()).isZero();
        Cli c = Cli.run("km", dir().resolve(lang + "_export_clean.csv").toString(), "--format", "json", "--start-date",
                "start", "--end-date", "end", "--event", "status", "--group", "arm");
        assertThat(c.status()).as(c.err()).isZero();
        JsonNode a = Cli.JSON.readTree(m.out());
        JsonNode b = Cli.JSON.readTree(c.out());
        assertThat(a.get("excluded").get("rows_analysed")).isEqualTo(b.get("excluded").get("rows_analysed"));
        assertThat(a.get("groups").size()).isEqualTo(b.get("groups").size());
        for (int g = 0; g < a.get("groups").size(); g++) {
            JsonNode x = a.get("groups").get(g).deepCopy();
            JsonNode y = b.get("groups").get(g).deepCopy();
            assertThat(x.toString()).isEqualTo(y.toString());
        }
    }
}

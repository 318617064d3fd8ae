package org.survkit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files as hospital systems export them (issue 12), written by the tests: semicolons, decimal commas, day-first
 * dates, status words, spelling variants, and planted problems whose lines the tests know.
 */
final class HospitalExports {
    /** The lines of {@link #lungExport}'s planted problems: a misspelt status, a time with a decimal dot. */
    static final int MISSPELT_LINE = 11;
    static final int DOT_LINE = 31;

    private HospitalExports() {
    }

    /**
     * A small export with one planted problem of each kind, each on a known line:
     * <ul>
     * <li>line 4, status {@code Decesed}: a misspelling of the event value {@code Deceased};</li>
     * <li>line 5, er {@code pos}: another spelling of {@code Pos} (6 rows);</li>
     * <li>line 7, last_contact {@code 31/04/2019}: not a calendar date (the dates are day-first, dd/MM/yyyy);</li>
     * <li>line 8, os_months {@code 25.2}: a decimal dot in a decimal-comma column;</li>
     * <li>line 8, age {@code x}: not a number in a number column.</li>
     * </ul>
     */
    static Path messy(Path dir) throws IOException {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, """
                id;start;last_contact;os_months;status;er;age
                1;03/02/2015;14/07/2017;29,4;Deceased;Pos;61,5
                2;21/05/2016;01/09/2019;39,4;Alive;neg;54,2
                3;11/11/2014;02/03/2016;15,7;Decesed;Pos;70,1
                4;28/02/2017;30/06/2020;40,1;Alive;pos;48,9
                5;15/08/2015;20/01/2018;29,2;Deceased;neg;66,3
                6;02/12/2016;31/04/2019;28,9;Alive;Pos;59,0
                7;09/09/2014;15/10/2016;25.2;Deceased;neg;x
                8;17/03/2016;05/05/2020;49,6;Alive;Pos;63,4
                9;04/06/2015;12/12/2016;18,3;Deceased;neg;71,8
                10;23/10/2016;07/02/2021;51,5;Alive;Pos;45,6
                11;12/01/2015;19/08/2017;31,2;Deceased;neg;68,0
                12;30/07/2016;22/11/2019;39,8;Alive;Pos;57,3
                """, StandardCharsets.UTF_8);
        return f;
    }

    /**
     * R's lung data as a hospital exports it: {@code ;}-separated, follow-up in months with a decimal comma
     * ({@code time / 30.4375}, two decimals: no two different days fall on one value), the status as words — deaths
     * alternately {@code Deceased} and {@code DOD}, the others alternately {@code Alive} and {@code Lost} — and sex
     * as {@code Male}/{@code Female}; with two planted problems: a misspelt status ({@code Decesed}, line
     * {@value #MISSPELT_LINE}) and a time written with a decimal dot (line {@value #DOT_LINE}).
     */
    static Path lungExport(Path dir) throws IOException {
        return lung(dir.resolve("hospital-export.csv"), true);
    }

    /**
     * The same patients as {@link #lungExport} without the two rows of its planted problems, as a clean file:
     * comma-separated, months with a decimal dot, status 1/2 (2 = dead).
     */
    static Path lungClean(Path dir) throws IOException {
        return lung(dir.resolve("lung-months.csv"), false);
    }

    private static Path lung(Path out, boolean export) throws IOException {
        List<String> lines = Files.readAllLines(TestServer.LUNG, StandardCharsets.UTF_8);
        String sep = export ? ";" : ",";
        List<String> rows = new ArrayList<>(List.of(String.join(sep, "id", "time_months", "status", "sex", "age",
                "ph.ecog")));
        int dead = 0;
        int alive = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            int line = i + 1;
            boolean planted = line == MISSPELT_LINE || line == DOT_LINE;
            if (planted && !export) {
                continue;
            }
            String months = String.format(Locale.ROOT, "%.2f", Double.parseDouble(f[1]) / 30.4375);
            if (export && line != DOT_LINE) {
                months = months.replace('.', ',');
            }
            String status;
            if (export) {
                status = f[2].equals("2") ? (dead++ % 2 == 0 ? "Deceased" : "DOD") : (alive++ % 2 == 0 ? "Alive"
                        : "Lost");
                if (line == MISSPELT_LINE) {
                    status = "Decesed";
                }
            } else {
                status = f[2];
            }
            rows.add(String.join(sep, Integer.toString(i), months, status, f[4].equals("1") ? "Male" : "Female", f[3],
                    f[5]));
        }
        Files.write(out, rows, StandardCharsets.UTF_8);
        return out;
    }
}

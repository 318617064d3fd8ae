package org.survkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code time,status,group} from a make_big.R CSV (comma-separated, header row, no quoting).
 * Benchmark setup only: survkit's real reader lives in survkit-io and is not what is measured here.
 */
final class CohortCsvReader {
    private CohortCsvReader() {
    }

    static Cohort read(Path csv) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(csv + " is empty");
            }
            List<String> names = Arrays.asList(header.replace("\"", "").split(","));
            int ti = column(names, "time", csv);
            int si = column(names, "status", csv);
            int gi = column(names, "group", csv);
            int last = Math.max(ti, Math.max(si, gi));
            int cap = 1 << 16;
            double[] time = new double[cap];
            boolean[] event = new boolean[cap];
            String[] group = new String[cap];
            Map<String, String> labels = new HashMap<>();
            String[] field = new String[last + 1];
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                int from = 0;
                for (int f = 0; f <= last; f++) {
                    int comma = line.indexOf(',', from);
                    int to = comma < 0 ? line.length() : comma;
                    field[f] = line.substring(from, to);
                    from = to + 1;
                }
                if (n == time.length) {
                    time = Arrays.copyOf(time, n * 2);
                    event = Arrays.copyOf(event, n * 2);
                    group = Arrays.copyOf(group, n * 2);
                }
                time[n] = Double.parseDouble(field[ti]);
                event[n] = !field[si].equals("0");
                group[n] = labels.computeIfAbsent(field[gi].replace("\"", ""), s -> s);
                n++;
            }
            return new Cohort(Arrays.copyOf(time, n), Arrays.copyOf(event, n), Arrays.copyOf(group, n));
        }
    }

    private static int column(List<String> names, String name, Path csv) throws IOException {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IOException(csv + " has no column '" + name + "'; columns are " + names);
        }
        return i;
    }
}

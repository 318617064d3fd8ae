package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * survkit-plot draws survkit-stats results and knows nothing of studies, reports or front ends
 * (STYLE.md): of survkit it uses only the API packages of survkit-stats, never
 * {@code org.survkit.stats.internal}. Checked on the sources of {@code src/main/java}.
 */
class PlotDependenciesTest {
    private static final Pattern FORBIDDEN =
            Pattern.compile("org\\.survkit\\.(?!plot\\b|stats\\b)\\w+|org\\.survkit\\.stats\\.internal\\b");

    @Test
    void plotUsesOnlyTheStatisticsApi() throws IOException {
        Path main = Paths.get("src/main/java/org/survkit/plot");
        assertThat(main).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (FORBIDDEN.matcher(Files.readString(f)).find()) {
                    offenders.add(f.getFileName().toString());
                }
            }
        }
        assertThat(offenders).as("classes of survkit-plot using survkit beyond the survkit-stats API").isEmpty();
    }
}

package org.survkit.stats;

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
 * The statistics core has no I/O, no JSON, no logging and no printing (STYLE.md): checked on
 * the sources of {@code src/main/java}.
 */
class CorePurityTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "import\\s+(java\\.io\\.|java\\.nio\\.|java\\.net\\.|java\\.util\\.logging|org\\.slf4j|com\\.fasterxml|"
                    + "org\\.survkit\\.(io|plot|cli|report|web))|System\\.(out|err)|printStackTrace");

    @Test
    void statisticsCoreDoesNoIo() throws IOException {
        Path main = Paths.get("src/main/java/org/survkit/stats");
        assertThat(main).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                if (FORBIDDEN.matcher(src).find()) {
                    offenders.add(f.getFileName().toString());
                }
            }
        }
        assertThat(offenders).as("classes of survkit-stats doing I/O, JSON, logging or printing").isEmpty();
    }
}

package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Renders every example figure (SVG and PNG through Batik) into target/gallery, so that a person
 * can look at them after {@code mvn test}; fails if Batik cannot render one.
 */
class GalleryTest {

    @Test
    void everyExampleRenders() throws IOException {
        Path dir = Path.of("target", "gallery");
        Gallery.main(new String[] {dir.toString(), "200"});
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(8);
        }
    }
}

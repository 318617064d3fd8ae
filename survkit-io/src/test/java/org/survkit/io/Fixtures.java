package org.survkit.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.dhatim.fastexcel.Workbook;

/** Writes test input files into a temporary folder. */
final class Fixtures {

    private Fixtures() {
    }

    /** Something that fills a workbook. */
    interface WorkbookWriter {
        /**
         * Fills the workbook.
         *
         * @param workbook the workbook
         * @throws IOException if writing fails
         */
        void write(Workbook workbook) throws IOException;
    }

    /**
     * Writes a UTF-8 text file.
     *
     * @param dir     the folder
     * @param name    the file name
     * @param content the text
     * @return the path
     */
    static Path text(Path dir, String name, String content) {
        return bytes(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file.
     *
     * @param dir   the folder
     * @param name  the file name
     * @param bytes the content
     * @return the path
     */
    static Path bytes(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes an .xlsx workbook with fastexcel.
     *
     * @param dir    the folder
     * @param name   the file name
     * @param writer fills the workbook
     * @return the path
     */
    static Path xlsx(Path dir, String name, WorkbookWriter writer) {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "survkit-test", "1.0");
            writer.write(workbook);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Returns a dataset copied into the test resources.
     *
     * @param name the file name under {@code datasets/}
     * @return its path
     */
    static Path dataset(String name) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/datasets/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.survkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints. */
public record Cli(int status, String out, String err) {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COPIES = copies();

    private static Path copies() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("survkit-cli-test-files");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return what the command line printed and its exit status, run in this process as Main.main builds it} */
    public static Cli run(String... args) {
        return run(Main.commandLine(args), args); // as Main.main builds it
    }

    /** Runs a given command line (e.g. the whole one, {@link Main#commandLine()}). */
    public static Cli run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** {@return standard output as JSON} */
    public JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + out + err, e);
        }
    }

    /** {@return the path of a file in this module's test resources' reference folder} */
    public static String resource(String name) {
        return testFile("reference/" + name);
    }

    /**
     * {@return the path of a file in this module's test resources, e.g. {@code reconstruct/lung_points.csv}} From
     * this module's test jar (another module's tests), a copy in a temporary folder under the same relative path.
     */
    public static String testFile(String resource) {
        try {
            java.net.URL url = Cli.class.getClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            if ("file".equals(url.getProtocol())) {
                return Paths.get(url.toURI()).toString();
            }
            Path copy = COPIES.resolve(resource);
            synchronized (Cli.class) {
                if (!java.nio.file.Files.exists(copy)) {
                    java.nio.file.Files.createDirectories(copy.getParent());
                    try (java.io.InputStream in = url.openStream()) {
                        java.nio.file.Files.copy(in, copy);
                    }
                }
            }
            return copy.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode reference(String name) {
        try {
            return JSON.readTree(Path.of(resource(name)).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
record Cli(int status, String out, String err) {
    static final ObjectMapper JSON = new ObjectMapper();

    static Cli run(String... args) {
        return run(Main.commandLine(args), args); // as Main.main builds it
    }

    /** Runs a given command line (e.g. the whole one, {@link Main#commandLine()}). */
    static Cli run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Cli(status, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + out + err, e);
        }
    }

    static String resource(String name) {
        try {
            return Paths.get(Cli.class.getClassLoader().getResource("reference/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
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

package org.survkit.cli;

import org.survkit.cli.output.Json;
import org.survkit.cli.output.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how a command writes its result. */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json or csv. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    /** Writes a JSON document straight to the destination (no intermediate string for large tables). */
    void emitJson(PrintWriter out, com.fasterxml.jackson.databind.JsonNode node) {
        try {
            if (output == null) {
                Json.MAPPER.writeValue(new NonClosingWriter(out), node);
                out.println();
                out.flush();
                return;
            }
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (java.io.Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                Json.MAPPER.writeValue(new NonClosingWriter(w), node);
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + (output == null ? "the output" : output) + " ("
                    + e.getMessage() + "): choose a writable path with --output.");
        }
    }

    /** Keeps Jackson from closing standard output. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(java.io.Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    void emit(PrintWriter out, String text) {
        if (output == null) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + " (" + e.getMessage()
                    + "): choose a writable path with --output.");
        }
    }
}

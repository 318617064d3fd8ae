package org.survkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.survkit.study.schema.StudySchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit schema}: the JSON Schema of study files and the web app's studies, from the study keys. */
@Command(name = "schema", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The JSON Schema (draft 2020-12) of a study: every key of a study file with its type, allowed",
            "values, default and documentation. Editors that read JSON Schema (VS Code with the YAML extension,",
            "IntelliJ) complete and check study files with it."})
public final class SchemaCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        String text = StudySchema.schema().toPrettyString() + System.lineSeparator();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + " (" + e.getMessage() + "); choose a writable path.");
        }
        return ExitCodes.OK;
    }
}

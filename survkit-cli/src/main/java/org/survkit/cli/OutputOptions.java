package org.survkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.survkit.cli.output.OutputFormat;
import org.survkit.cli.output.Serializer;
import org.survkit.stats.PValueFormat;
import org.survkit.study.key.StudyKeys.Flags;
import org.survkit.study.key.StudyKeys;
import picocli.CommandLine.Option;

/**
 * Where and how a command writes its result: {@code --format} chooses the serializer's format, {@code --output} the
 * file, {@code --p-style} and {@code --p-digits} how the text prints P values (R's format.pval when neither is given).
 */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json or csv. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = Flags.P_STYLE, paramLabel = "digits|nejm|ama|lancet")
    String pStyle;

    @Option(names = Flags.P_DIGITS, paramLabel = "N")
    String pDigits;

    /** {@return how the text prints P values: R's format.pval (as R's printout) unless a P style or digits is given} */
    PValueFormat pValues() {
        PValueFormat.Style style = FlagValues.parse(StudyKeys.P_STYLE, pStyle);
        Integer digits = FlagValues.parse(StudyKeys.P_DIGITS, pDigits);
        if (style == null && digits == null) {
            return PValueFormat.R;
        }
        return PValueFormat.of(style == null ? PValueFormat.Style.DIGITS : style,
                digits == null ? StudyKeys.P_DIGITS.defaultValue() : digits);
    }

    /** Writes a result in the chosen format to the {@code --output} file, or to standard output. */
    public <R> void emit(PrintWriter out, Serializer<R> serializer, R result) {
        Serializer.Printout printout = serializer.print(result, format, pValues());
        if (output != null) {
            write(output, printout, "--output");
        } else {
            print(out, printout);
        }
    }

    /** Prints a printout to standard output. */
    static void print(PrintWriter out, Serializer.Printout printout) {
        try {
            printout.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a PrintWriter reports no errors
        }
        out.flush();
    }

    /**
     * Writes a printout to a file (UTF-8), making its folder when needed.
     *
     * @param file     the file
     * @param printout what to write
     * @param option   the option that named the file, for the message when it cannot be written
     */
    static void write(Path file, Serializer.Printout printout, String option) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                printout.writeTo(w);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + " (" + e.getMessage() + "): choose a writable path with "
                    + option + ".");
        }
    }
}

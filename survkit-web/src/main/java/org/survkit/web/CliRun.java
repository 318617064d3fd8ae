package org.survkit.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.survkit.cli.Main;
import picocli.CommandLine;

/**
 * One run of the {@code survkit} command line inside the server: a fresh {@link Main#commandLine()} (commands are
 * objects with per-run state), with standard output and error captured, argument files ({@code @file}) off.
 *
 * @param status the exit status (0, 1 or 2 as the CLI's ExitCodes)
 * @param out    what the command printed
 * @param err    its messages
 */
record CliRun(int status, String out, String err) {

    static CliRun run(List<String> args) {
        CommandLine cl = Main.commandLine();
        cl.setExpandAtFiles(false);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args.toArray(new String[0]));
        return new CliRun(status, out.toString(), err.toString());
    }

    /**
     * {@return the user-facing message of a refused run: the CLI's "survkit: ..." lines without the prefix, each with
     * the lines that continue it (a message that lists every problem of a file, one a line), without the pointer to
     * {@code --help}}
     */
    String message() {
        StringBuilder sb = new StringBuilder();
        boolean inMessage = false;
        for (String line : err.split("\r?\n|\r")) {
            if (line.startsWith("survkit: ")) {
                sb.append(sb.length() == 0 ? "" : " ").append(line.substring("survkit: ".length()).strip());
                inMessage = true;
            } else if (line.startsWith("Run '") || line.isBlank()) {
                inMessage = false;
            } else if (inMessage) {
                sb.append('\n').append(line.strip());
            }
        }
        return sb.length() == 0 ? "the analysis could not be run with these options." : sb.toString();
    }
}
